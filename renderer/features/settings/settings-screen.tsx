import { DesktopSettings } from '../desktop/desktop-settings.tsx';
import { PlanEditor } from '../plan-editor/plan-editor.tsx';
import { SetupChecklist } from '../setup/setup-checklist.tsx';
import { GeneralSettingsForm } from './general-settings-form.tsx';
import { LeadPicker } from './lead-picker.tsx';
import { SlackPanel } from './slack-panel.tsx';

export function SettingsScreen() {
  return (
    <div className="stack-lg">
      <SetupChecklist placement="settings" />
      <SlackPanel />
      <LeadPicker />
      <GeneralSettingsForm />
      <DesktopSettings />
      <PlanEditor />
    </div>
  );
}

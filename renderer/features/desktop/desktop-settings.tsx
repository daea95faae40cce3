// The desktop sections of Settings: updates, start-up and help.
import { useEffect } from 'react';
import { DiagnosticsPanel } from './diagnostics-panel.tsx';
import { followDesktop } from './desktop-store.ts';
import { OpenAtLoginPanel } from './open-at-login-panel.tsx';
import { UpdatePanel } from './update-panel.tsx';

export function DesktopSettings() {
  useEffect(() => followDesktop(), []);
  return (
    <>
      <UpdatePanel />
      <OpenAtLoginPanel />
      <DiagnosticsPanel />
    </>
  );
}

// Screens whose features have not landed yet say so plainly.
import type { ScreenId } from '../../app/screens.ts';

const purposes: Record<ScreenId, string> = {
  calendar: 'Planned upgrades and maintenance, with each one’s announcement, reminder, start and completion messages.',
  compose: 'A guided composer that walks every message through the plan’s checklist, with a live Slack preview.',
  incidents: 'Open and recent incidents, their timeline, and the next promised update.',
  outbox: 'Messages waiting to go to Slack, and what happened to each.',
  history: 'Every message Herald sent, with its permalink, searchable by text, channel, type and date.',
  templates: 'Templates for each kind of message in the plan.',
  settings: '',
};

export function PlaceholderScreen({ screen }: { screen: ScreenId }) {
  return (
    <section className="placeholder" aria-live="polite">
      <p>{purposes[screen]}</p>
      <p className="muted">This screen arrives in a coming release.</p>
    </section>
  );
}

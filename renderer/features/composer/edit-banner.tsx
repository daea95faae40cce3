// Edit mode's banner: which message in Slack the open draft corrects (when it
// was sent, in which channel, a link to it), that its channel and thread stay
// as they are, and a way out that leaves the message alone.
import { formatInstant } from '../../../shared/time/index.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { useComposer } from './composer-store.ts';

export function EditBanner() {
  const correction = useComposer((state) => state.correction);
  const cancelEdit = useComposer((state) => state.cancelEdit);
  const zone = useUserZone();
  if (!correction) return null;
  const { target } = correction;
  const channel = `#${(target.channelName ?? target.channel).replace(/^#/, '')}`;
  const where = target.isThreadReply ? `in the thread in ${channel}` : `in ${channel}`;
  const when =
    target.sentAtUtc === null
      ? `Editing the message queued at ${formatInstant(Date.parse(target.queuedAtUtc), zone)} ${where}`
      : `Editing the message sent at ${formatInstant(Date.parse(target.sentAtUtc), zone)} ${where}`;
  return (
    <section className="edit-banner" aria-labelledby="edit-banner-heading" data-testid="edit-banner">
      <div>
        <h2 id="edit-banner-heading">{when}</h2>
        <p>
          {target.sentAtUtc === null
            ? 'It is not in Slack yet: the edit follows it there, once, as soon as it is posted.'
            : 'Saving changes that message in Slack (History keeps the earlier text); nothing new is posted.'}{' '}
          Its channel and thread stay as they are.
          {target.editedAtUtc ? ` Last edited ${formatInstant(Date.parse(target.editedAtUtc), zone)}.` : ''}
        </p>
        {target.permalink ? (
          <p>
            <a href={target.permalink} target="_blank" rel="noreferrer noopener">
              Open the message in Slack <span aria-hidden="true">↗</span>
            </a>
          </p>
        ) : null}
      </div>
      <button type="button" onClick={() => void cancelEdit()}>
        Cancel edit
      </button>
    </section>
  );
}

// Tells the user which store file could not be read (or was written by a newer
// Herald) and where it was moved: Herald never wipes data silently.
import { useAppInfo } from '../server-state/app-info-store.ts';

export function StorageNotices() {
  const notices = useAppInfo((state) => state.notices);
  const dismiss = useAppInfo((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <section className="notice-list" aria-label="Storage problems">
      {notices.map((notice) => (
        <div key={notice.quarantinedTo} role="alert" className="warning-banner">
          {notice.kind === 'newer_version' ? (
            <p>
              Your <strong>{notice.store}</strong> file was written by a newer version of Herald, which this
              version cannot read. Herald kept it, unchanged, at <code>{notice.quarantinedTo}</code> and
              started that part afresh; everything else is intact. Install the newer Herald again to use it.
            </p>
          ) : (
            <p>
              Herald could not read its <strong>{notice.store}</strong> file because {notice.reason}. It moved
              the file aside to <code>{notice.quarantinedTo}</code> and started that part afresh; everything
              else is intact.
            </p>
          )}
          <button type="button" onClick={() => dismiss(notice)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}

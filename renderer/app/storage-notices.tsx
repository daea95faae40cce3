// Tells the user which store file could not be read and where it was moved:
// Herald never wipes data silently.
import { useAppInfo } from '../server-state/app-info-store.ts';

export function StorageNotices() {
  const notices = useAppInfo((state) => state.notices);
  const dismiss = useAppInfo((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <section className="notice-list" aria-label="Storage problems">
      {notices.map((notice) => (
        <div key={notice.quarantinedTo} role="alert" className="warning-banner">
          <p>
            Herald could not read its <strong>{notice.store}</strong> file because {notice.reason}. It moved the file aside
            to <code>{notice.quarantinedTo}</code> and started that part afresh; everything else is intact.
          </p>
          <button type="button" onClick={() => dismiss(notice)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}

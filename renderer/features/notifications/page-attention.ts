// What needs the lead now, where it shows outside the page: the tab or window
// title ("(1) Overdue · Herald") and the favicon, which carries the count in a
// red badge. A lead working in another tab or window sees both without
// opening Herald; in Electron the tray does the same job, from the same
// sections (shared/reminders/attention.ts).
import { useEffect } from 'react';
import type { NotificationCentreSections } from '../../../shared/reminders/attention.ts';
import { useAttentionSections } from './use-attention-sections.ts';

/** How many things need acting on now (overdue or due now), and the word for the most urgent. */
export function actNowSummary(
  sections: NotificationCentreSections | null,
): { count: number; label: 'Overdue' | 'Due now' } | null {
  if (!sections) return null;
  const count = sections.overdue.length + sections.due.length;
  if (count === 0) return null;
  return { count, label: sections.overdue.length > 0 ? 'Overdue' : 'Due now' };
}

/** "(1) Overdue · Herald" while something needs acting on; "Compose · Herald" otherwise. */
export function pageTitle(screenTitle: string, sections: NotificationCentreSections | null): string {
  const summary = actNowSummary(sections);
  return summary ? `(${summary.count}) ${summary.label} · Herald` : `${screenTitle} · Herald`;
}

const STAR_PATH = 'M16 3 L19.5 12.5 L29 16 L19.5 19.5 L16 29 L12.5 19.5 L3 16 L12.5 12.5 Z';

/** Herald's mark, with a red badge and the count while something needs acting on (9+ above nine). */
export function faviconSvg(count: number): string {
  const badgeText = count > 9 ? '9+' : String(count);
  const badge =
    count > 0
      ? `<circle cx="23" cy="9" r="9" fill="#c1121f"/><text x="23" y="13.5" font-family="sans-serif" font-size="${
          badgeText.length > 1 ? 10 : 13
        }" font-weight="700" text-anchor="middle" fill="#fff">${badgeText}</text>`
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#23395d"/><path d="${STAR_PATH}" fill="#fff"/>${badge}</svg>`;
}

function faviconLink(): HTMLLinkElement {
  const existing = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (existing) return existing;
  const link = document.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  document.head.append(link);
  return link;
}

/** Keeps the document title and favicon in step with what needs the lead. */
export function usePageAttention(screenTitle: string): void {
  const sections = useAttentionSections();
  const title = pageTitle(screenTitle, sections);
  const count = actNowSummary(sections)?.count ?? 0;
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    const link = faviconLink();
    // index.html already links the plain mark (public/favicon.svg, marked count 0): at start, with nothing to act
    // on, the icon is left alone instead of being rebuilt as a data URL in the first render's task.
    if (link.dataset.attentionCount === String(count)) return;
    link.href = `data:image/svg+xml,${encodeURIComponent(faviconSvg(count))}`;
    link.dataset.attentionCount = String(count);
  }, [count]);
}

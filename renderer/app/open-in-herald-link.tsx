// An "Open in Herald" link as the previews show it (the composer's Slack
// preview, History): a click opens the incident or event here, as the link
// does from Slack. Its address is the real herald:// link in the desktop app,
// and the harness's /open equivalent in the browser harness, so "open in a
// new tab" and "copy link" do what they say in each.
import type { MouseEvent } from 'react';
import { harnessOpenPath } from '../../shared/deep-links/herald-link.ts';
import { useAppInfo } from '../server-state/app-info-store.ts';
import { useNavigation } from './navigation-store.ts';

export function OpenInHeraldLink({ link, label }: { link: string; label: string }) {
  const host = useAppInfo((state) => state.info?.host);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void useNavigation.getState().openLink(link);
  };
  return (
    <a
      href={host === 'electron' ? link : harnessOpenPath(link)}
      onClick={onClick}
      className="open-in-herald"
      data-testid="open-in-herald"
    >
      {label}
    </a>
  );
}

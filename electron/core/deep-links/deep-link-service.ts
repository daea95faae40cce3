// Opens "Open in Herald" links (shared/deep-links/herald-link.ts) for both
// shells: the desktop shell hands over a link the OS launched Herald with,
// the renderer asks for one clicked in a preview or arrived at through the
// harness's /open route. Every link is parsed strictly here; a refused one is
// logged by its shape (length, scheme), never echoed. A link to an incident
// or event this Herald does not know yet (another lead's, not synced) starts
// a read of Slack, and the window is told again when it has finished.
import { ok } from '../../../shared/api/index.ts';
import type { LinkOpening } from '../../../shared/api/channels/links.ts';
import {
  heraldLinkShapeForLog,
  parseHeraldLink,
  type HeraldLinkTarget,
} from '../../../shared/deep-links/herald-link.ts';
import type { SyncStatus } from '../../../shared/api/channels/team.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { Logger } from '../logging/logger.ts';

/** Where a link came from, for the log. */
export type LinkSource = 'os' | 'harness' | 'window';

export interface DeepLinkDeps {
  hasIncident: (id: string) => boolean;
  hasEvent: (id: string) => boolean;
  /** Reads Slack now (the team sync's syncOnce); resolves with how it went. */
  syncNow: () => Promise<SyncStatus>;
  bus: EventBus;
  logger: Logger;
}

export interface DeepLinks {
  /** Opens a link and answers what the window should show; a `syncing` answer is followed by `links:opened`. */
  open(raw: unknown, source: LinkSource): LinkOpening;
  /** Opens a link handed over from outside the window and tells the window (`links:opened`). */
  openFromOutside(raw: unknown, source: LinkSource): LinkOpening;
  handlers: { 'links:open': Handler<'links:open'> };
}

function notFoundReason(status: SyncStatus): Extract<LinkOpening, { status: 'not_found' }>['reason'] {
  if (status.state === 'not_connected') return 'slack_not_connected';
  if (status.state === 'waiting_for_slack') return 'slack_busy';
  if (status.problem !== null) return 'sync_failed';
  return 'not_in_slack';
}

export function createDeepLinks(deps: DeepLinkDeps): DeepLinks {
  const isKnown = (target: HeraldLinkTarget) =>
    target.kind === 'incident' ? deps.hasIncident(target.id) : deps.hasEvent(target.id);

  /** Reads Slack, then answers whether the target turned up. */
  async function lookInSlack(target: HeraldLinkTarget): Promise<LinkOpening> {
    const opening = await deps
      .syncNow()
      .then((status): LinkOpening => {
        if (isKnown(target)) return { status: 'found', target };
        return { status: 'not_found', target, reason: notFoundReason(status) };
      })
      .catch((): LinkOpening => ({ status: 'not_found', target, reason: 'sync_failed' }));
    deps.logger.info('links.looked_in_slack', { kind: target.kind, status: opening.status });
    return opening;
  }

  /** What the link names, when Herald knows it or it is refused; the target to look for in Slack otherwise. */
  function resolve(
    raw: unknown,
    source: LinkSource,
  ): LinkOpening | { status: 'unknown'; target: HeraldLinkTarget } {
    const parsed = parseHeraldLink(raw);
    if (!parsed.ok) {
      deps.logger.warn('links.refused', { source, reason: parsed.reason, ...heraldLinkShapeForLog(raw) });
      return { status: 'refused', reason: parsed.reason };
    }
    const { target } = parsed;
    if (isKnown(target)) {
      deps.logger.info('links.opened', { source, kind: target.kind });
      return { status: 'found', target };
    }
    deps.logger.info('links.unknown_target', { source, kind: target.kind });
    return { status: 'unknown', target };
  }

  /** Answers at once; an unknown target answers `syncing` and its Slack read's outcome follows as `links:opened`. */
  function open(raw: unknown, source: LinkSource): LinkOpening {
    const resolved = resolve(raw, source);
    if (resolved.status !== 'unknown') return resolved;
    void lookInSlack(resolved.target).then((opening) => deps.bus.emit('links:opened', opening));
    return { status: 'syncing', target: resolved.target };
  }

  /**
   * The window's own request answers only once Herald knows, after reading Slack if it must: an event sent
   * meanwhile could reach a page whose event stream is not connected yet (the harness's /open route loads a new
   * page) and be lost, leaving "Looking in Slack…" for good.
   */
  async function openAndWait(raw: unknown, source: LinkSource): Promise<LinkOpening> {
    const resolved = resolve(raw, source);
    return resolved.status === 'unknown' ? await lookInSlack(resolved.target) : resolved;
  }

  return {
    open,
    openFromOutside(raw, source) {
      const opening = open(raw, source);
      deps.bus.emit('links:opened', opening);
      return opening;
    },
    handlers: {
      'links:open': async ({ link }) => ok(await openAndWait(link, 'window')),
    },
  };
}

// Channel names for the composer's picker: Slack's channel directory when
// Herald can read it (channels:list), otherwise the channels the plan names.
// The plan's channels come first either way: they are the usual choice.
import { slackChannelsOf } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { herald } from '../../api/herald.ts';

/** Every Slack channel the plan posts to, in plan order, once each. */
export function planChannelNames(plan: Plan): string[] {
  return [...new Set(plan.types.filter((type) => !type.isRetired).flatMap(slackChannelsOf))];
}

/** The plan's channels first, then the rest of the directory alphabetically. */
export function mergeChannelNames(planned: readonly string[], directory: readonly string[]): string[] {
  const rest = directory.filter((name) => !planned.includes(name)).sort((a, b) => a.localeCompare(b));
  return [...planned, ...rest];
}

export async function loadChannelNames(plan: Plan): Promise<string[]> {
  const planned = planChannelNames(plan);
  const listed = await herald()
    .invoke('channels:list', {})
    .catch(() => null);
  if (!listed?.ok) return planned;
  return mergeChannelNames(
    planned,
    listed.value.channels.map((channel) => channel.name),
  );
}

// Reading a Web API request the way Slack does: arguments may come as a
// url-encoded form (what WebClient sends, with objects JSON-encoded as
// strings), as a JSON body, or in the query string; the token may come in the
// Authorization header or as a `token` argument. The token is split off here
// so it can never reach a record or a reply.
import { SlackError } from './slack-error.ts';

export type Args = Record<string, unknown>;

export interface ParsedRequest {
  args: Args;
  token: string | undefined;
  /** Slack's error for a body it cannot read (`invalid_json`), checked after faults. */
  bodyError: string | undefined;
}

export function parseRequest(
  query: URLSearchParams,
  contentType: string | undefined,
  body: string,
  authorization: string | undefined,
): ParsedRequest {
  const args: Args = Object.fromEntries(query);
  let bodyError: string | undefined;
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json' && body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        Object.assign(args, parsed);
      else bodyError = 'invalid_json';
    } catch {
      bodyError = 'invalid_json';
    }
  } else if (body !== '') {
    Object.assign(args, Object.fromEntries(new URLSearchParams(body)));
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  const argToken = typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
  delete args.token;
  return { args, token: bearer ?? argToken, bodyError };
}

/** A string argument; numbers are accepted as their decimal text (thread_ts sent as a float). */
export function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A boolean argument; Slack reads "true"/"1" as true and anything else as false. */
export function boolArg(args: Args, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  return value === 'true' || value === '1' || value === 1;
}

/** An integer argument, or the given Slack error when it is not one. */
export function intArg(args: Args, name: string, errorCode: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw new SlackError(errorCode);
  return number;
}

/** A JSON-valued argument (blocks, metadata): sent as a JSON string in forms, as a value in JSON bodies. */
export function jsonArg(args: Args, name: string, errorCode: string): unknown {
  const value = args[name];
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new SlackError(errorCode);
  }
}

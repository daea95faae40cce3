// Writing answers the way Slack's edge does: JSON with a charset, the token's
// scopes in `x-oauth-scopes`, a request id, and for HTTP-level faults the kind
// of HTML or plain-text body a proxy returns.
import { randomBytes } from 'node:crypto';
import { STATUS_CODES, type ServerResponse } from 'node:http';

export interface ReplyHeaders {
  scopes?: readonly string[];
  acceptedScopes?: readonly string[];
  retryAfterSec?: number;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: ReplyHeaders = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-slack-req-id': randomBytes(16).toString('hex'),
    ...(headers.scopes ? { 'x-oauth-scopes': headers.scopes.join(',') } : {}),
    ...(headers.acceptedScopes ? { 'x-accepted-oauth-scopes': headers.acceptedScopes.join(',') } : {}),
    ...(headers.retryAfterSec === undefined ? {} : { 'retry-after': String(headers.retryAfterSec) }),
  });
  res.end(payload);
}

/** A non-JSON error page, as a load balancer in front of Slack sends for 5xx. */
export function sendHttpStatus(res: ServerResponse, status: number, headers: ReplyHeaders = {}): void {
  const reason = STATUS_CODES[status] ?? 'Unknown';
  const isServerError = status >= 500;
  const body = isServerError
    ? `<html><head><title>${status} ${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>\n`
    : `${status} ${reason}\n`;
  res.writeHead(status, {
    'content-type': isServerError ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...(headers.scopes ? { 'x-oauth-scopes': headers.scopes.join(',') } : {}),
  });
  res.end(body);
}

// Serves the bundled renderer on app://herald/ instead of file://, so the
// renderer has a real, unique origin (checked on every IPC call) and every
// response carries Herald's Content-Security-Policy.
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { readRendererFile } from '../core/static/renderer-files.ts';
import { APP_SCHEME } from './window-security.ts';

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
};

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'herald' ? await readRendererFile(rendererDir, url.pathname) : null;
    if (!file)
      return new Response('Not found', {
        status: 404,
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

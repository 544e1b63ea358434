import { net, protocol, session } from 'electron';
import { join, normalize, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../security';
import { APP_HOST, APP_SCHEME } from '../ipc/senderPolicy';

/** Must run before app 'ready'. A standard, secure scheme gets its own origin and IndexedDB. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `rendererDir`, refusing any path that escapes it. */
export function serveRenderer(rendererDir: string): void {
  session.defaultSession.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const target = normalize(join(rendererDir, path));
    const rel = relative(rendererDir, target);
    if (rel.startsWith('..') || isAbsolute(rel)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(target).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    // Module workers (pdf.js) are refused unless served as JavaScript.
    if (target.endsWith('.mjs')) headers.set('Content-Type', 'text/javascript; charset=utf-8');
    return new Response(response.body, { status: response.status, headers });
  });
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { staticSecurityHeaders } from './security.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NOT_BUILT_PAGE = (reason: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Callback Inspector</title></head>` +
  `<body><h1>Callback Inspector</h1><p>${reason}</p><p>The control API is available under <code>/api</code>.</p></body></html>`;

/** Resolves a URL path inside `root`, or null when it would escape it (`..`, encoded slashes, NUL). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const full = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const rel = relative(root, full);
  if (rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(root, rel) !== full) return null;
  return full;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the UI for GET/HEAD outside /api. Unknown paths get index.html (client-side routes); a missing file
 * with an extension is a 404 so broken asset links stay visible.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  uiDir: string | null,
  port: number,
): Promise<void> {
  const headers = staticSecurityHeaders(port);
  const root = uiDir === null ? null : resolve(uiDir);
  const index = root === null ? null : join(root, 'index.html');
  if (root === null || index === null || !(await isFile(index))) {
    const reason =
      uiDir === null ? 'The web UI is disabled (--no-ui).' : 'The web UI is not built (run npm run build).';
    sendText(res, req, 200, NOT_BUILT_PAGE(reason), 'text/html; charset=utf-8', headers);
    return;
  }
  const target = resolveInside(root, pathname);
  if (target === null) {
    sendText(res, req, 404, 'Not found', 'text/plain; charset=utf-8', headers);
    return;
  }
  let file = target;
  if (pathname === '/' || pathname.endsWith('/') || !(await isFile(target))) {
    if (pathname !== '/' && extname(pathname) !== '' && !pathname.endsWith('/')) {
      sendText(res, req, 404, 'Not found', 'text/plain; charset=utf-8', headers);
      return;
    }
    file = index;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const size = (await stat(file)).size;
  // Only vite's content-hashed files under /assets/ may be cached for good; the rest (index.html) is revalidated.
  const cache = file !== index && pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': size, 'cache-control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function sendText(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  text: string,
  type: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...headers, 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

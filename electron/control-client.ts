// The shell's own calls to the engine's control API (File → Export/Import), made from the main process with the
// bearer token, exactly as any other client would.
import { type ApiError, type ExportFormat, ROUTES, type RouteReply } from '../shared/contract/index.js';

async function failure(res: Response, what: string): Promise<Error> {
  const text = await res.text().catch(() => '');
  let message = text.slice(0, 500) || res.statusText;
  try {
    const body: Partial<ApiError> = JSON.parse(text);
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the raw text
  }
  return new Error(`${what} failed (HTTP ${res.status}): ${message}`);
}

export async function exportSession(controlUrl: string, token: string, format: ExportFormat): Promise<string> {
  const { method, path } = ROUTES.exportSession;
  const url = new URL(path, controlUrl);
  url.searchParams.set('format', format);
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw await failure(res, 'Export');
  return res.text();
}

export async function importSession(
  controlUrl: string,
  token: string,
  content: string,
): Promise<RouteReply<'importSession'>> {
  const { method, path } = ROUTES.importSession;
  const res = await fetch(new URL(path, controlUrl), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: content,
  });
  if (!res.ok) throw await failure(res, 'Import');
  const body: Partial<RouteReply<'importSession'>> = await res.json();
  return { imported: body.imported ?? 0, skipped: body.skipped ?? 0 };
}

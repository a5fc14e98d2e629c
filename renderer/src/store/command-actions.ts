import {
  captureNumber,
  type ExportFormat,
  type Rule,
  type RuleWithStats,
  type SettingsPatch,
} from '../../../shared/contract/index.js';
import { ControlApiError } from '../api/control-client.js';
import { resendHeaders, toCurl } from '../lib/curl.js';
import { copyText, saveText } from '../lib/files.js';
import { type CommandInfo, sampleSend } from '../lib/protocol.js';
import { getState, setState } from './app-store.js';
import { client, connectionConfig } from './client-ref.js';
import { errorText, notify } from './notices.js';

export async function patchSettings(patch: SettingsPatch): Promise<boolean> {
  try {
    const settings = await client().patchSettings(patch);
    if (settings && typeof settings === 'object') setState({ settings });
    return true;
  } catch (error) {
    notify('error', `Settings not saved: ${errorText(error)}`);
    return false;
  }
}

export async function clearCaptures(): Promise<void> {
  try {
    await client().clearCaptures();
  } catch (error) {
    notify('error', `Clear failed: ${errorText(error)}`);
  }
}

const EXPORT_TYPES: Record<ExportFormat, { ext: string; mime: string }> = {
  json: { ext: 'json', mime: 'application/json' },
  har: { ext: 'har', mime: 'application/json' },
  ndjson: { ext: 'ndjson', mime: 'application/x-ndjson' },
};

export async function exportSession(format: ExportFormat): Promise<void> {
  try {
    const text = await client().exportSession(format);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const type = EXPORT_TYPES[format];
    const saved = await saveText(
      connectionConfig().desktop,
      `callback-inspector-${stamp}.${type.ext}`,
      text,
      type.mime,
    );
    if (saved) notify('info', `Exported ${format.toUpperCase()}`);
  } catch (error) {
    notify('error', `Export failed: ${errorText(error)}`);
  }
}

export async function importSession(text: string, name: string): Promise<void> {
  try {
    const result = await client().importSession(text);
    const extra = [
      result.duplicates > 0 ? `${result.duplicates} already present` : '',
      result.skipped > 0 ? `${result.skipped} skipped` : '',
    ].filter((part) => part !== '');
    const note = extra.length > 0 ? ` (${extra.join(', ')})` : '';
    notify('info', `Imported ${result.imported} capture${result.imported === 1 ? '' : 's'} from ${name}${note}`);
  } catch (error) {
    notify('error', `Import failed: ${errorText(error)}`);
  }
}

/** Desktop: native open dialog. Browser callers use a file input instead. */
export async function importViaDesktop(): Promise<void> {
  const desktop = connectionConfig().desktop;
  if (!desktop) return;
  const file = await desktop.openFile();
  if (file) await importSession(file.content, file.name);
}

export async function sendSample(info: CommandInfo): Promise<void> {
  const tencent = getState().settings?.tencent;
  try {
    await client().send(sampleSend(info, { sdkAppId: tencent?.sdkAppId ?? null, token: tencent?.token ?? null }));
  } catch (error) {
    notify('error', `Sample not sent: ${errorText(error)}`);
  }
}

export async function resendSelected(): Promise<void> {
  const capture = getState().selected;
  if (!capture) return;
  try {
    await client().send({
      path: capture.request.path,
      query: capture.request.query,
      headers: resendHeaders(capture.request.headers),
      bodyText: capture.request.bodyText,
    });
    notify('info', `Resent #${captureNumber(capture)} to the listener`);
  } catch (error) {
    notify('error', `Resend failed: ${errorText(error)}`);
  }
}

export async function copySelectedAsCurl(): Promise<void> {
  const capture = getState().selected;
  if (!capture) return;
  const { listener, settings } = getState();
  // The listener's own URL; before the first status arrives, the address it was configured for.
  const listenerUrl =
    listener?.url ?? `http://${settings?.listener.host ?? '127.0.0.1'}:${settings?.listener.port ?? 10006}`;
  const ok = await copyText(toCurl(capture, listenerUrl));
  notify(ok ? 'info' : 'error', ok ? `Copied #${captureNumber(capture)} as cURL` : 'Clipboard not available');
}

export async function copyListenerUrl(): Promise<void> {
  const url = getState().listener?.url;
  if (!url) return;
  const ok = await copyText(url);
  notify(ok ? 'info' : 'error', ok ? 'Listener URL copied' : 'Clipboard not available');
}

/** Strips the engine's counters: PUT /api/rules takes plain rules. */
export function plainRule(rule: RuleWithStats | Rule): Rule {
  const { hits: _hits, remaining: _remaining, ...plain } = rule as RuleWithStats; // counters may be absent: harmless
  return plain;
}

export type SaveRulesResult =
  | { ok: true }
  | { ok: false; message: string; details: string[]; problems: { path: string; message: string }[] };

/** Replaces the rule list; on 400 returns the engine's details so the editor can show them and keep its text. */
export async function saveRules(rules: Rule[]): Promise<SaveRulesResult> {
  try {
    await client().putRules(rules);
    setState({ rules: await client().getRules() });
    return { ok: true };
  } catch (error) {
    if (error instanceof ControlApiError)
      return {
        ok: false,
        message: error.message,
        details: formatDetails(error.details),
        problems: problemList(error.details),
      };
    return { ok: false, message: errorText(error), details: [], problems: [] };
  }
}

/** The engine's `details` as `{ path, message }` items (what PATCH /api/settings and PUT /api/rules send). */
export function problemList(details: unknown): { path: string; message: string }[] {
  if (!Array.isArray(details)) return [];
  const out: { path: string; message: string }[] = [];
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown }; // probing the engine's JSON
    if (typeof path === 'string' && typeof message === 'string') out.push({ path, message });
  }
  return out;
}

function formatDetails(details: unknown): string[] {
  if (details === undefined || details === null) return [];
  const list = Array.isArray(details) ? details : [details];
  return list.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'object' && item !== null && 'message' in item) {
      const { path, message } = item as { path?: unknown; message: unknown }; // zod-like issue shape
      const where =
        Array.isArray(path) && path.length > 0
          ? `${path.join('.')}: `
          : typeof path === 'string' && path
            ? `${path}: `
            : '';
      return `${where}${String(message)}`;
    }
    return JSON.stringify(item);
  });
}

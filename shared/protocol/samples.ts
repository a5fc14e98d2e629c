import { OPENIM_RELATIONSHIP } from './catalogue-openim.js';
import { goJson, safeStringify } from './json.js';
import { tencentSign } from './sign.js';
import type { CommandInfo } from './types.js';

export interface SampleRequestOptions {
  sdkAppId?: number | null;
  token?: string | null;
  nowMs: number;
  /** OpenIM: the webhook base path (default `/callbackExample`); Tencent: the console URL's path (default `/`). */
  basePath?: string;
}

export interface SampleRequest {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyText: string;
  /** `path` plus the encoded query string: what goes after the host. */
  target: string;
}

export const DEFAULT_SAMPLE_SDKAPPID = 1400000000;

// shared/ has no DOM or Node types, so no URLSearchParams.
const encodeQuery = (query: Record<string, string>): string =>
  Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

const trimSlashes = (p: string): string => p.replace(/\/+$/, '');

/** A request exactly as the IM server would send it for this command (A.1 for OpenIM, B.1 for Tencent). */
export function buildSampleRequest(info: CommandInfo, opts: SampleRequestOptions): SampleRequest {
  const sample =
    info.sample ?? (info.dialect === 'openim' ? { callbackCommand: info.name } : { CallbackCommand: info.name });
  if (info.dialect === 'openim') {
    const base = trimSlashes(opts.basePath ?? '/callbackExample');
    const path = `${base.startsWith('/') ? base : `/${base}`}/${info.name}`;
    return {
      path,
      query: {},
      // Go canonicalises header names: `operationID` goes out as `Operationid`.
      headers: { 'Content-Type': 'application/json; charset=utf-8', Operationid: `sample-${opts.nowMs}` },
      bodyText: goJson(sample),
      target: path,
    };
  }
  const body = { ...sample };
  if (typeof body.EventTime === 'number') body.EventTime = opts.nowMs;
  const query: Record<string, string> = {
    SdkAppid: String(opts.sdkAppId ?? DEFAULT_SAMPLE_SDKAPPID),
    CallbackCommand: info.name,
    contenttype: 'json',
    ClientIP: '203.0.113.10',
    OptPlatform: 'Android',
  };
  if (opts.token) {
    const requestTime = String(Math.floor(opts.nowMs / 1000));
    query.Sign = tencentSign(opts.token, requestTime);
    query.RequestTime = requestTime;
  }
  const path = opts.basePath ?? '/';
  return {
    path,
    query,
    headers: { 'Content-Type': 'application/json' },
    bodyText: safeStringify(body),
    target: `${path}?${encodeQuery(query)}`,
  };
}

/** Base URL the way OpenIM needs it: no query string, no fragment, no trailing slash (A.3). */
function cleanBase(url: string): string {
  return trimSlashes(url.trim().replace(/[?#].*$/, ''));
}

/** Ready-to-paste `config/webhooks.yml` lines enabling every relationship callback (A.3 key layout). */
export function openimWebhooksYaml(baseUrl: string): string {
  const lines = [
    '# config/webhooks.yml (OpenIM v3.7+): restart openim-rpc-friend after editing.',
    '# failedContinue is not read by v3.7+ (before-callbacks fail closed), so it is left out.',
    `url: ${cleanBase(baseUrl)}`,
  ];
  for (const c of OPENIM_RELATIONSHIP) {
    if (!c.configKey) continue;
    lines.push(`${c.configKey}:`, '  enable: true', '  timeout: 5');
  }
  return `${lines.join('\n')}\n`;
}

/** The URL to paste in the Tencent console: the console refuses `?`, `&`, `!`, `$`, so any query is dropped (B.1). */
export function tencentCallbackUrl(listenerUrl: string): string {
  return listenerUrl.trim().replace(/[?#].*$/, '');
}

/** Caveats for the Tencent console URL, for the setup help. */
export function tencentCallbackNotes(listenerUrl: string): string[] {
  const url = tencentCallbackUrl(listenerUrl);
  const notes: string[] = [];
  if (url !== listenerUrl.trim()) notes.push('The query string was removed: the console does not accept ? or &.');
  if (!/^https?:\/\//i.test(url)) notes.push('The console URL must start with http:// or https://.');
  if (/\/\/(127\.|localhost|\[::1\])/i.test(url)) {
    notes.push('Tencent calls from the internet: expose this listener through a public URL or tunnel.');
  }
  notes.push('A new callback URL takes effect about 2 minutes after saving.');
  return notes;
}

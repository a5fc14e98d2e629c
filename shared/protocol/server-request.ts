import type { Dialect } from '../contract/capture.js';
import { goJson, isObject, safeStringify } from './json.js';
import { openImBodyText, openImUrlQuery, serverCommandName } from './openim/request.js';
import { optPlatformFor } from './tencent/catalogue/index.js';
import { tencentSign } from './tencent/sign.js';
import type { CommandInfo, ServerProfile } from './types.js';
import { splitUrl } from './wire.js';

export { serverCommandName };

/**
 * The exact HTTP request an IM server sends to the app backend (protocols.md A.1 for OpenIM, B.1 for Tencent), for
 * playing the server against a real backend (send) and for re-sending recorded callbacks (replay). Pure: the engine
 * does the I/O.
 */
export interface ServerRequest {
  method: 'POST';
  /** Absolute URL, exactly as it goes on the wire. */
  url: string;
  /** Path and query of `url`, for the capture record. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyText: string;
}

export interface ServerRequestInput {
  /** OpenIM: the `url` of webhooks.yml; Tencent: the callback URL of the console. */
  to: string;
  dialect: Dialect;
  command: string;
  /** The JSON value to send. */
  body: unknown;
  profile: ServerProfile;
  nowMs: number;
  /** Tencent: the SdkAppid query value (default: the sample app id) and the callback token (adds Sign). */
  sdkAppId?: number | null;
  token?: string | null;
  /** OpenIM: the originating API call's operation id (default: derived from the time). */
  operationId?: string;
  /** Tencent: ClientIP and OptPlatform query values. */
  clientIp?: string;
  optPlatform?: string;
}

/** Go's net/http adds these on every request it sends; the webhook client sets the other two (A.1). */
const GO_DEFAULT_HEADERS = { 'User-Agent': 'Go-http-client/1.1', 'Accept-Encoding': 'gzip' };

// shared/ has no DOM or Node types, so no URL or URLSearchParams.
const encodeQuery = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** Appends a query string the way a string-concatenating server does: `?` first, `&` when the URL has one. */
const withQuery = (url: string, rawQuery: string): string =>
  rawQuery === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${rawQuery}`;

function finish(url: string, headers: Record<string, string>, bodyText: string): ServerRequest {
  const { path, query, rawQuery } = splitUrl(url);
  return { method: 'POST', url, path: rawQuery === '' ? path : `${path}?${rawQuery}`, query, headers, bodyText };
}

const isLegacyOpenIm = (profile: ServerProfile): boolean =>
  profile.dialect === 'openim' && profile.version === 'v3.0-v3.4.0';

/** The request the chosen server version sends for this command and body. */
export function buildServerRequest(input: ServerRequestInput): ServerRequest {
  if (input.dialect === 'openim') {
    const version = input.profile.dialect === 'openim' ? input.profile.version : 'v3.7+';
    const command = serverCommandName(input.command, input.profile);
    const operationId = input.operationId ?? String(input.nowMs);
    const legacy = isLegacyOpenIm(input.profile);
    // Plain string concatenation, as the server does it: a trailing "/" in the base gives "//" there too (A.3).
    const url = legacy
      ? withQuery(input.to, `command=${encodeURIComponent(command)}`)
      : withQuery(`${input.to}/${command}`, openImUrlQuery(command, input.body, version));
    const bodyText = openImBodyText(command, input.body, version, operationId);
    return finish(
      url,
      {
        'Content-Type': 'application/json; charset=utf-8',
        // Go writes header names in canonical form: `operationID` goes out as `Operationid`. Up to v3.6 the header
        // is set only for a non-empty operation ID (pkg/common/http/http_client.go Post); v3.7+ always sets it.
        ...(operationId !== '' || version === 'v3.7+' ? { Operationid: operationId } : {}),
        ...GO_DEFAULT_HEADERS,
      },
      bodyText,
    );
  }
  const pairs: [string, string][] = [
    ['SdkAppid', String(input.sdkAppId ?? DEFAULT_SAMPLE_SDKAPPID)],
    ['CallbackCommand', input.command],
    ['contenttype', 'json'],
    ['ClientIP', input.clientIp ?? '203.0.113.10'],
    // PrevFriendAdd/PrevFriendResponse fire only for client SDK actions (B.2.1), so a client platform, not RESTAPI.
    // Spelled as the command sends it: an iOS client is `IOS` on State.StateChange, `iOS` elsewhere (1047/34354).
    ['OptPlatform', optPlatformFor(input.command, input.optPlatform ?? 'Android')],
  ];
  if (input.token) {
    const requestTime = String(Math.floor(input.nowMs / 1000));
    pairs.push(['Sign', tencentSign(input.token, requestTime)], ['RequestTime', requestTime]);
  }
  // Tencent's headers are not documented (protocols.md D.3); a JSON content type is the safe assumption.
  return finish(
    withQuery(input.to, encodeQuery(pairs)),
    { 'Content-Type': 'application/json' },
    safeStringify(withTencentCommand(input.command, input.body)),
  );
}

/** Tencent bodies carry the command too, first (every B.2 sample); one the caller left out is added. */
function withTencentCommand(command: string, body: unknown): unknown {
  if (!isObject(body) || Object.hasOwn(body, 'CallbackCommand')) return body;
  return { CallbackCommand: command, ...body };
}

/** What replay needs of a recorded callback. */
export interface RecordedRequest {
  dialect: Dialect;
  command: string;
  /** How the listener identified the command (`path`, `legacy-query`, `tencent-query`, `body`). */
  identifiedBy: string;
  /** The recorded request URL (path and raw query, or absolute). */
  url: string;
  headers: Record<string, string>;
  bodyText: string;
}

/**
 * Headers that belong to one connection, not to the request (hop-by-hop, RFC 9110 §7.6.1), and the framing headers
 * the sender sets itself: never copied when a callback is forwarded (upstream mode) or re-sent (replay).
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
]);

/**
 * The only recorded headers replay sends: the ones the IM servers themselves send (OpenIM: Content-Type, Operationid
 * and Go's User-Agent and Accept-Encoding; Tencent: Content-Type). A recorded `Authorization`, `Cookie` or `Host` (or
 * anything a crafted session adds) never goes to the backend (product.md §4 v3).
 */
const PROTOCOL_HEADERS: ReadonlySet<string> = new Set(['content-type', 'operationid', 'user-agent', 'accept-encoding']);

/**
 * A recorded callback re-sent to another backend the way the server sent it: same body bytes and headers; OpenIM
 * `<to>/<command>` (or `<to>?command=` when it came in the legacy form) plus any other query it carried; Tencent
 * `<to>?<recorded query>`, with a fresh `RequestTime` and `Sign` when a token is given (a recorded Sign is stale).
 */
export function replayServerRequest(
  recorded: RecordedRequest,
  to: string,
  opts: { nowMs: number; token?: string | null },
): ServerRequest {
  const { rawQuery } = splitUrl(recorded.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers)) {
    if (PROTOCOL_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  if (recorded.dialect === 'openim') {
    const url =
      recorded.identifiedBy === 'path' ? withQuery(`${to}/${recorded.command}`, rawQuery) : withQuery(to, rawQuery);
    return finish(url, headers, recorded.bodyText);
  }
  let query = rawQuery;
  if (opts.token) {
    const requestTime = String(Math.floor(opts.nowMs / 1000));
    const sign = tencentSign(opts.token, requestTime);
    const kept = query.split('&').filter((p) => p !== '' && !/^(Sign|RequestTime)=/.test(p));
    query = [...kept, `Sign=${sign}`, `RequestTime=${requestTime}`].join('&');
  }
  return finish(withQuery(to, query), headers, recorded.bodyText);
}

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

const encodeRecord = (query: Record<string, string>): string => encodeQuery(Object.entries(query));

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
    target: `${path}?${encodeRecord(query)}`,
  };
}

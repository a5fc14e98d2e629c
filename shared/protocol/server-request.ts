import type { Dialect } from '../contract/capture.js';
import { catalogue, findCommand } from './catalogue.js';
import { goJson, isObject, own, safeStringify } from './json.js';
import { DEFAULT_SAMPLE_SDKAPPID } from './samples.js';
import { tencentSign } from './sign.js';
import type { FieldType, ServerProfile } from './types.js';
import { splitUrl } from './url.js';

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

/** Go's zero value of a struct field, as encoding/json writes it (nil slices and maps become `null`). */
const ZERO: Record<FieldType, unknown> = {
  string: '',
  number: 0,
  boolean: false,
  'string[]': null,
  object: null,
  'object[]': null,
};

/**
 * The body the way the server's Go struct serialises it (A.1): every field present in struct order (a field the
 * caller left out goes out as its zero value; `callbackCommand` is the command), then any keys the struct does not
 * have, kept so nothing the caller wrote is lost. Uncatalogued commands and non-object bodies go out as given.
 */
function goStructBody(command: string, body: unknown): unknown {
  const info = findCommand(command, 'openim');
  if (!info?.modelled || !isObject(body)) return body;
  const out: Record<string, unknown> = {};
  for (const field of info.fields) {
    const value = own(body, field.name);
    out[field.name] = value !== undefined ? value : field.name === 'callbackCommand' ? command : ZERO[field.type];
  }
  for (const [key, value] of Object.entries(body)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

/** A body naming the current command, renamed to the name the older server sends. */
function renamed(body: unknown, from: string, to: string): unknown {
  if (from === to || !isObject(body) || own(body, 'callbackCommand') !== from) return body;
  return { ...body, callbackCommand: to };
}

/** OpenIM v3.0–v3.4.0 structs carry `operationID` in the body, right after `callbackCommand` (A.4.13, A.2). */
function legacyBody(body: unknown, given: unknown, operationId: string): unknown {
  if (!isObject(body)) return body;
  const out: Record<string, unknown> = {};
  if (Object.hasOwn(body, 'callbackCommand')) out.callbackCommand = body.callbackCommand;
  out.operationID = own(body, 'operationID') ?? operationId;
  for (const [key, value] of Object.entries(body)) {
    // Before-add-friend's `ex` arrives in v3.4.2: the older struct has none, so it is sent only when written.
    if (key === 'ex' && body.callbackCommand === 'callbackBeforeAddFriendCommand' && own(given, 'ex') === undefined) {
      continue;
    }
    if (key !== 'callbackCommand' && key !== 'operationID') out[key] = value;
  }
  return out;
}

const isLegacyOpenIm = (profile: ServerProfile): boolean =>
  profile.dialect === 'openim' && profile.version === 'v3.0-v3.4.0';

/**
 * The name this server version sends for a command: before v3.7 several commands had other names (set-remark had no
 * `Command` suffix; A.4.13, A.5 legacy list).
 */
export function serverCommandName(command: string, profile: ServerProfile): string {
  if (profile.dialect !== 'openim' || profile.version === 'v3.7+') return command;
  return catalogue.find((c) => c.dialect === 'openim' && c.legacy && c.renamedTo === command)?.name ?? command;
}

/** The request the chosen server version sends for this command and body. */
export function buildServerRequest(input: ServerRequestInput): ServerRequest {
  if (input.dialect === 'openim') {
    const command = serverCommandName(input.command, input.profile);
    const operationId = input.operationId ?? String(input.nowMs);
    const legacy = isLegacyOpenIm(input.profile);
    // Plain string concatenation, as the server does it: a trailing "/" in the base gives "//" there too (A.3).
    const url = legacy ? withQuery(input.to, `command=${encodeURIComponent(command)}`) : `${input.to}/${command}`;
    const shaped = goStructBody(command, renamed(input.body, input.command, command));
    const body = legacy ? legacyBody(shaped, input.body, operationId) : shaped;
    return finish(
      url,
      {
        'Content-Type': 'application/json; charset=utf-8',
        // Go writes header names in canonical form: `operationID` goes out as `Operationid`.
        Operationid: operationId,
        ...GO_DEFAULT_HEADERS,
      },
      goJson(body),
    );
  }
  const pairs: [string, string][] = [
    ['SdkAppid', String(input.sdkAppId ?? DEFAULT_SAMPLE_SDKAPPID)],
    ['CallbackCommand', input.command],
    ['contenttype', 'json'],
    ['ClientIP', input.clientIp ?? '203.0.113.10'],
    // PrevFriendAdd/PrevFriendResponse fire only for client SDK actions (B.2.1), so a client platform, not RESTAPI.
    ['OptPlatform', input.optPlatform ?? 'Android'],
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

/** Not re-sent by replay: the hop-by-hop headers and `Host` (the new backend's own). */
const NOT_FORWARDED = new Set([...HOP_BY_HOP_HEADERS, 'host']);

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
    if (!NOT_FORWARDED.has(name.toLowerCase())) headers[name] = value;
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

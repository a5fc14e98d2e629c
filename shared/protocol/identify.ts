import type { DialectOrUnknown } from '../contract/capture.js';
import { findCommand, guessPhase, looksOpenIm, looksTencent } from './catalogue.js';
import { own, ownString } from './json.js';
import type { Identification, IdentifiedBy, IncomingRequest } from './types.js';

/** Query keys only Tencent sends (B.1). */
export const TENCENT_QUERY_KEYS = ['SdkAppid', 'CallbackCommand', 'ClientIP', 'OptPlatform', 'Sign', 'RequestTime'];

const queryValue = (req: IncomingRequest, key: string): string | undefined =>
  Object.hasOwn(req.query, key) && typeof req.query[key] === 'string' ? req.query[key] : undefined;

const SLASH = 47;

/** Last non-empty path segment, URL-decoded when possible. Index arithmetic, no arrays: it runs on every callback. */
export function lastPathSegment(path: string): string {
  const mark = path.indexOf('?');
  let end = mark < 0 ? path.length : mark;
  while (end > 0 && path.charCodeAt(end - 1) === SLASH) end--;
  const last = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  if (!last.includes('%')) return last; // nothing to decode
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function hasTencentQuery(req: IncomingRequest): boolean {
  for (const key of TENCENT_QUERY_KEYS) if (queryValue(req, key) !== undefined) return true;
  return false;
}

/** The command named in the body and which casing named it. */
export function bodyCommand(body: unknown): { name: string; key: 'callbackCommand' | 'CallbackCommand' } | undefined {
  const camel = ownString(body, 'callbackCommand');
  if (camel !== undefined && camel !== '') return { name: camel, key: 'callbackCommand' };
  const pascal = ownString(body, 'CallbackCommand');
  if (pascal !== undefined && pascal !== '') return { name: pascal, key: 'CallbackCommand' };
  return undefined;
}

const TENCENT_BODY_KEYS = ['CallbackCommand', 'From_Account', 'PairList', 'FriendItem', 'ResponseFriendItem'];

/** A PascalCase Tencent body key (`CallbackCommand`, `From_Account`, …) is present. */
const tencentBody = (body: unknown): boolean => TENCENT_BODY_KEYS.some((k) => own(body, k) !== undefined);

function guessDialect(req: IncomingRequest, name: string | null, via: IdentifiedBy): DialectOrUnknown {
  if (via === 'tencent-query') return 'tencent';
  if (via === 'path' || via === 'legacy-query') return 'openim';
  if (hasTencentQuery(req) || tencentBody(req.body)) return 'tencent';
  if (own(req.body, 'callbackCommand') !== undefined) return 'openim';
  if (name !== null && looksOpenIm(name)) return 'openim';
  if (name !== null && looksTencent(name)) return 'tencent';
  return 'unknown';
}

function found(req: IncomingRequest, name: string, via: IdentifiedBy): Identification {
  const info = findCommand(name);
  if (info) return { dialect: info.dialect, command: name, phase: info.phase, via, info };
  return { dialect: guessDialect(req, name, via), command: name, phase: guessPhase(name), via };
}

/**
 * Which server and command sent this request (product.md §1 order): Tencent query `CallbackCommand`; OpenIM last
 * path segment when it names a known command; legacy `?command=` / `?callbackCommand=`; the body's command.
 * An uncatalogued `callback…Command` last segment is used only when nothing else names a command.
 */
export function identify(req: IncomingRequest): Identification {
  const tencent = queryValue(req, 'CallbackCommand');
  if (tencent) return found(req, tencent, 'tencent-query');

  const segment = lastPathSegment(req.path);
  if (segment && findCommand(segment, 'openim')) return found(req, segment, 'path');

  const legacy = queryValue(req, 'command') || queryValue(req, 'callbackCommand');
  if (legacy) return found(req, legacy, 'legacy-query');

  const fromBody = bodyCommand(req.body);
  if (fromBody) return found(req, fromBody.name, 'body');

  // `/callbackExample` alone is a base path, so an uncatalogued segment must at least end in `Command`.
  if (segment && looksOpenIm(segment) && segment.endsWith('Command')) return found(req, segment, 'path');

  return { dialect: guessDialect(req, null, 'none'), command: null, phase: 'unknown', via: 'none' };
}

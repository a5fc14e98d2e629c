import type { Decision } from '../../contract/decision.js';
import { type JsonObject, own, safeStringify } from '../json.js';
import { type AnswerFieldSpec, type DialectDefaults, denyPresets, type Identification } from '../types.js';
import { openimCommand } from './catalogue/index.js';

/** OpenIM deny defaults and presets (errCode ≥ 100; the docs give 5000–9999 for before-callbacks). */
export const OPENIM_DEFAULTS: DialectDefaults = {
  denyCode: 5001,
  denyMessage: 'denied by app backend',
  presets: [
    ...denyPresets(5001),
    { code: 20001, message: 'denied by app backend', label: '20001 after-callback range example (20001–29999)' },
    { code: 50, message: 'denied by app backend', label: '50 (below 100: user sees a generic 500, not your message)' },
  ],
};

/**
 * The answer fields a default answer echoes from the request (the row's `echo` fields): the set-remark answer echoes
 * the remark received, because before v3.7 the server copies the answer's remark even when it has none
 * (`utils.NotNilReplace`, internal/rpc/friend/callback.go @ v3.5.1:60): echoing it is safe on every version.
 * Undefined when there is nothing to echo (the common case: no allocation).
 */
export function openImEchoes(id: Identification, body: unknown): JsonObject | undefined {
  const info = id.info?.dialect === 'openim' ? id.info : id.command === null ? undefined : openimCommand(id.command);
  if (!info || info.answer.length === 0) return undefined;
  let out: JsonObject | undefined;
  for (const spec of info.answer) {
    if (!spec.echo) continue;
    const value = own(body, spec.name);
    if (typeof value !== 'string') continue;
    out ??= {};
    out[spec.name] = value;
  }
  return out;
}

/**
 * OpenIM common fields, always as JSON numbers, in the order the server's own examples use (A.2), then the answer
 * fields: the echoed ones (a rewrite wins), then the other rewritten ones by wire name. A field the row marks
 * `jsonString` (message modify `content`) given as a JSON value is sent as the string the server's `*string` reads.
 */
export function openImAnswer(
  decision: Decision,
  echoes?: JsonObject,
  answerFields: readonly AnswerFieldSpec[] = [],
): JsonObject {
  const deny = decision.verdict === 'deny';
  const out: JsonObject = {
    actionCode: 0,
    errCode: deny ? (decision.code ?? OPENIM_DEFAULTS.denyCode) : 0,
    errMsg: deny ? (decision.message ?? OPENIM_DEFAULTS.denyMessage) : '',
    errDlt: deny ? (decision.detail ?? '') : '',
    nextCode: deny ? 1 : 0,
  };
  const rewrite = decision.rewrite;
  // Echoes first (the remark, A.4.6), each replaced by its rewrite when one is given.
  if (echoes !== undefined) {
    for (const key of Object.keys(echoes)) {
      out[key] = rewrite !== undefined && rewrite[key] !== undefined ? rewrite[key] : echoes[key];
    }
  }
  if (rewrite === undefined) return out;
  for (const key of Object.keys(rewrite)) {
    const value = rewrite[key];
    if (value === undefined || Object.hasOwn(out, key)) continue;
    const spec = answerFields.find((a) => a.name === key);
    const asString = spec?.jsonString === true && typeof value !== 'string';
    // defineProperty: a key `__proto__` must stay a plain field.
    Object.defineProperty(out, key, {
      value: asString ? safeStringify(value) : Array.isArray(value) ? [...value] : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * The OpenIM allow answer, the one sent most often: an allow that changes nothing renders the same text every time
 * (deny fields, targets and presets play no part), so it is built once.
 */
export const OPENIM_PLAIN_ALLOW = safeStringify(openImAnswer({ verdict: 'allow' }));

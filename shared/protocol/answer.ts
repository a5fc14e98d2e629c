import type { DialectOrUnknown } from '../contract/capture.js';
import type { Decision } from '../contract/decision.js';
import { TYPE_WORDS } from './fields.js';
import { isObject, type JsonObject, safeStringify } from './json.js';
import { OPENIM_DEFAULTS, OPENIM_PLAIN_ALLOW, openImAnswer, openImEchoes } from './openim/answer.js';
import { TENCENT_DEFAULTS, tencentAnswer, tencentDenyProblems, tencentPlainAllowText } from './tencent/answer.js';
import type { AnswerFieldSpec, CommandInfo, DialectDefaults, Identification, PlannedAnswer } from './types.js';

export { tencentTargets } from './tencent/answer.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** The deny code and message alone, without copying: read on every answer, so no per-call allocation. */
export function denyDefaults(dialect: DialectOrUnknown): Readonly<Pick<DialectDefaults, 'denyCode' | 'denyMessage'>> {
  return dialect === 'tencent' ? TENCENT_DEFAULTS : OPENIM_DEFAULTS;
}

/** Deny code, message and presets per dialect (a copy the caller may change); unknown dialects are answered OpenIM-style. */
export function dialectDefaults(dialect: DialectOrUnknown): DialectDefaults {
  const d = dialect === 'tencent' ? TENCENT_DEFAULTS : OPENIM_DEFAULTS;
  return { ...d, presets: d.presets.map((p) => ({ ...p })) };
}

function mergeOverride(out: JsonObject, override: Decision['override']): void {
  if (!isObject(override)) return;
  for (const key of Object.keys(override)) {
    const raw = override[key];
    // A cyclic or BigInt value would make the whole answer unserialisable; only that field is replaced.
    const value = safeStringify(raw) === '"[unserialisable]"' ? '[unserialisable]' : raw;
    // defineProperty: assigning `__proto__` would replace the answer's prototype instead of adding the field.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

const isPlainAllow = (d: Decision): boolean =>
  d.verdict === 'allow' && d.fault === undefined && d.override === undefined && d.rewrite === undefined;

/** The exact HTTP answer for a Decision, per dialect and command (protocols.md A.2, B.2, Part E). */
export function buildAnswer(id: Identification, body: unknown, decision: Decision): PlannedAnswer {
  const delayMs = decision.delayMs ?? 0;
  if (decision.raw) {
    const { status, headers, bodyText } = decision.raw;
    return { action: 'respond', delayMs, status, headers: headers ? { ...headers } : { ...JSON_HEADERS }, bodyText };
  }
  const echo = id.dialect === 'tencent' ? undefined : openImEchoes(id, body);
  if (id.dialect !== 'tencent' && isPlainAllow(decision) && echo === undefined) {
    return { action: 'respond', delayMs, headers: { ...JSON_HEADERS }, status: 200, bodyText: OPENIM_PLAIN_ALLOW };
  }
  if (id.dialect === 'tencent' && decision.targets === undefined && isPlainAllow(decision)) {
    const bodyText = tencentPlainAllowText(id.command, body);
    return { action: 'respond', delayMs, headers: { ...JSON_HEADERS }, status: 200, bodyText };
  }
  const fault = decision.fault?.type;
  if (fault === 'no-response' || fault === 'close' || fault === 'reset') {
    return { action: fault, status: 0, headers: {}, bodyText: '', delayMs, fault };
  }
  const answer =
    id.dialect === 'tencent' ? tencentAnswer(id, body, decision) : openImAnswer(decision, echo, id.info?.answer);
  mergeOverride(answer, decision.override);

  const base = { action: 'respond' as const, delayMs, headers: { ...JSON_HEADERS } };
  switch (fault) {
    case 'http-status':
      return { ...base, status: decision.fault?.status ?? 500, bodyText: safeStringify(answer), fault };
    case 'invalid-json': {
      // Any strict prefix of a JSON object lacks its closing brace, so it can never parse.
      const text = safeStringify(answer);
      return { ...base, status: 200, bodyText: text.slice(0, Math.max(1, Math.floor(text.length / 2))), fault };
    }
    case 'string-codes':
      // The documentation's mistake on purpose: every number written as a string ("nextCode":"0").
      return {
        ...base,
        status: 200,
        bodyText: safeStringify(answer, (_k, v) => (typeof v === 'number' ? String(v) : v)),
        fault,
      };
    case 'empty-body':
      return { ...base, headers: {}, status: 200, bodyText: '', fault };
    default:
      return { ...base, status: 200, bodyText: safeStringify(answer) };
  }
}

/** A Decision that does not fit the command(s) it answers: where, and why (a 400's `details`). */
export interface DecisionProblem {
  path: string;
  message: string;
}

function fits(value: unknown, spec: AnswerFieldSpec): boolean {
  // A JSON-string field (OpenIM message modify `content`) also takes the JSON value itself: it is sent as a string.
  if (spec.jsonString && value !== null && typeof value === 'object') return true;
  switch (spec.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === spec.type;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    case 'object':
      return isObject(value);
    case 'object[]':
      return Array.isArray(value) && value.every(isObject);
  }
}

/**
 * What the catalogue says a Decision may not do for these commands (one for a held request, every command a rule's
 * glob matches): `rewrite` names only answer fields the server reads, with their JSON types, and a Tencent deny
 * code fits the command's documented range. No commands (an unknown one) means nothing to check against.
 */
export function decisionProblems(decision: Decision, commands: readonly CommandInfo[]): DecisionProblem[] {
  if (commands.length === 0 || decision.raw !== undefined) return [];
  const out: DecisionProblem[] = [];
  const rewrite = decision.rewrite;
  if (rewrite !== undefined) {
    const allowed = new Map<string, AnswerFieldSpec>();
    for (const c of commands) for (const a of c.answer) if (!allowed.has(a.name)) allowed.set(a.name, a);
    const first = commands[0];
    const which =
      commands.length === 1 && first !== undefined ? first.name : `the ${commands.length} commands the rule matches`;
    for (const key of Object.keys(rewrite)) {
      const spec = allowed.get(key);
      if (spec === undefined) {
        const list = [...allowed.keys()].join(', ');
        out.push({
          path: `rewrite.${key}`,
          message:
            allowed.size > 0
              ? `the server reads no "${key}" in the answer to ${which}; rewrite takes: ${list}`
              : `the server reads no rewritable field in the answer to ${which}`,
        });
        continue;
      }
      const value = rewrite[key];
      if (value !== undefined && !fits(value, spec)) {
        out.push({ path: `rewrite.${key}`, message: `${key} must be ${TYPE_WORDS[spec.type]}` });
      }
    }
  }
  out.push(...tencentDenyProblems(decision, commands));
  return out;
}

import type { Decision, TargetDecision } from '../contract/decision.js';
import { findCommand } from './catalogue.js';
import { TENCENT_TARGET_LIST } from './catalogue-tencent.js';
import { denyDefaults } from './dialect-defaults.js';
import { isObject, type JsonObject, own, safeStringify } from './json.js';
import type { Identification, PlannedAnswer } from './types.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The remark a set-remark answer echoes when the decision does not rewrite it: the one received. Before v3.7 the
 * server copies the answer's remark even when it has none (`utils.NotNilReplace`, internal/rpc/friend/callback.go
 * @ v3.5.1:60), so an answer without it would wipe the user's remark; echoing it is safe on every version.
 */
function echoedRemark(id: Identification, body: unknown): string | undefined {
  const info = id.info ?? (id.command === null ? undefined : findCommand(id.command, 'openim'));
  if (!info?.responseFields.includes('remark')) return undefined;
  const remark = own(body, 'remark');
  return typeof remark === 'string' ? remark : undefined;
}

/** OpenIM common fields, always as JSON numbers, in the order the server's own examples use (A.2). */
function openImAnswer(decision: Decision, echoRemark?: string): JsonObject {
  const deny = decision.verdict === 'deny';
  const defaults = denyDefaults('openim');
  const out: JsonObject = {
    actionCode: 0,
    errCode: deny ? (decision.code ?? defaults.denyCode) : 0,
    errMsg: deny ? (decision.message ?? defaults.denyMessage) : '',
    errDlt: deny ? (decision.detail ?? '') : '',
    nextCode: deny ? 1 : 0,
  };
  // Included whenever given; only the remark/import commands' response structs read them (A.4.6, A.4.8).
  if (decision.rewrite?.remark !== undefined) out.remark = decision.rewrite.remark;
  else if (echoRemark !== undefined) out.remark = echoRemark;
  if (decision.rewrite?.friendUserIDs !== undefined) out.friendUserIDs = [...decision.rewrite.friendUserIDs];
  return out;
}

/** The `To_Account` of every item of the request's target list, in request order. */
export function tencentTargets(command: string | null, body: unknown): string[] {
  if (command === null || !Object.hasOwn(TENCENT_TARGET_LIST, command)) return [];
  const list = own(body, TENCENT_TARGET_LIST[command] ?? '');
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const to = own(item, 'To_Account');
    if (typeof to === 'string') out.push(to);
  }
  return out;
}

function targetDecision(decision: Decision, account: string): TargetDecision | undefined {
  const targets = decision.targets;
  // Own keys only: an account named `constructor` must not pick up Object.prototype.constructor.
  return targets && Object.hasOwn(targets, account) ? targets[account] : undefined;
}

function tencentAnswer(id: Identification, body: unknown, decision: Decision): JsonObject {
  const defaults = denyDefaults('tencent');
  const out: JsonObject = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
  if (id.command !== null && Object.hasOwn(TENCENT_TARGET_LIST, id.command)) {
    out.ResultItem = tencentTargets(id.command, body).map((account) => {
      const t = targetDecision(decision, account);
      const verdict = t?.verdict ?? decision.verdict;
      if (verdict === 'allow') return { To_Account: account, ResultCode: 0, ResultInfo: '' };
      return {
        To_Account: account,
        ResultCode: t?.code ?? decision.code ?? defaults.denyCode,
        ResultInfo: t?.message ?? decision.message ?? defaults.denyMessage,
      };
    });
    return out;
  }
  if (decision.verdict === 'deny') {
    // After-callback answers are ignored by Tencent; a deny is still rendered the documented failure way: the
    // after-callback pages define ErrorCode 0 = success, 1 = failure (B.2.3), so the deny code is not used here.
    out.ActionStatus = 'FAIL';
    out.ErrorCode = 1;
    out.ErrorInfo = decision.message ?? '';
  }
  return out;
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

/**
 * The OpenIM allow answer, the one sent most often: an allow that changes nothing renders the same text every time
 * (deny fields, targets and presets play no part), so it is built once.
 */
const OPENIM_PLAIN_ALLOW = safeStringify(openImAnswer({ verdict: 'allow' }));

const isPlainAllow = (d: Decision): boolean =>
  d.verdict === 'allow' && d.fault === undefined && d.override === undefined && d.rewrite === undefined;

const TENCENT_OK = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""';

/**
 * The Tencent allow answer written directly, without the per-target objects and their serialisation: the same text
 * `safeStringify(tencentAnswer(...))` gives for a plain allow with no per-target verdicts.
 */
function tencentPlainAllowText(command: string | null, body: unknown): string {
  if (command === null || !Object.hasOwn(TENCENT_TARGET_LIST, command)) return `${TENCENT_OK}}`;
  let items = '';
  for (const account of tencentTargets(command, body)) {
    items += `${items === '' ? '' : ','}{"To_Account":${JSON.stringify(account)},"ResultCode":0,"ResultInfo":""}`;
  }
  return `${TENCENT_OK},"ResultItem":[${items}]}`;
}

/** The exact HTTP answer for a Decision, per dialect and command (protocols.md A.2, B.2, Part E). */
export function buildAnswer(id: Identification, body: unknown, decision: Decision): PlannedAnswer {
  const delayMs = decision.delayMs ?? 0;
  if (decision.raw) {
    const { status, headers, bodyText } = decision.raw;
    return { action: 'respond', delayMs, status, headers: headers ? { ...headers } : { ...JSON_HEADERS }, bodyText };
  }
  const echo = id.dialect === 'tencent' ? undefined : echoedRemark(id, body);
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
  const answer = id.dialect === 'tencent' ? tencentAnswer(id, body, decision) : openImAnswer(decision, echo);
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

import type { Decision, TargetDecision } from '../../contract/decision.js';
import { type JsonObject, own } from '../json.js';
import { type CommandInfo, type DialectDefaults, denyPresets, type Identification } from '../types.js';
import { targetList, tencentCommand } from './catalogue/index.js';

/** Tencent deny defaults and presets (ResultCode in the documented 38000–39000 range of the Sns Prev* pages). */
export const TENCENT_DEFAULTS: DialectDefaults = {
  denyCode: 38001,
  denyMessage: 'denied by app backend',
  presets: denyPresets(38001),
};

/** The account of every item of the request's target list (the row's `parties.targets`), in request order. */
export function tencentTargets(command: string | null, body: unknown): string[] {
  const targets = targetList(command);
  if (targets === undefined) return [];
  const list = own(body, targets.list);
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const to = own(item, targets.account);
    if (typeof to === 'string') out.push(to);
  }
  return out;
}

function targetDecision(decision: Decision, account: string): TargetDecision | undefined {
  const targets = decision.targets;
  // Own keys only: an account named `constructor` must not pick up Object.prototype.constructor.
  return targets && Object.hasOwn(targets, account) ? targets[account] : undefined;
}

export function tencentAnswer(id: Identification, body: unknown, decision: Decision): JsonObject {
  const out = tencentVerdict(id, body, decision);
  const rewrite = decision.rewrite;
  if (rewrite !== undefined) {
    for (const key of Object.keys(rewrite)) {
      if (rewrite[key] === undefined) continue;
      // defineProperty: a key `__proto__` must stay a plain field.
      Object.defineProperty(out, key, { value: rewrite[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

function tencentVerdict(id: Identification, body: unknown, decision: Decision): JsonObject {
  const out: JsonObject = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
  if (targetList(id.command) !== undefined) {
    out.ResultItem = tencentTargets(id.command, body).map((account) => {
      const t = targetDecision(decision, account);
      const verdict = t?.verdict ?? decision.verdict;
      if (verdict === 'allow') return { To_Account: account, ResultCode: 0, ResultInfo: '' };
      return {
        To_Account: account,
        ResultCode: t?.code ?? decision.code ?? TENCENT_DEFAULTS.denyCode,
        ResultInfo: t?.message ?? decision.message ?? TENCENT_DEFAULTS.denyMessage,
      };
    });
    return out;
  }
  const row = tencentCommand(id.command ?? '')?.row;
  if (row?.denyBy === 'error-code') {
    // C2C / Group before-callbacks deny with ErrorCode on an "OK" answer (B.3): a code in the row's range reaches
    // the sender; any other code is sent as the plain deny, 1.
    if (decision.verdict !== 'deny') return out;
    const code = decision.code;
    const inRange = code !== undefined && row.denyCodes && code >= row.denyCodes.min && code <= row.denyCodes.max;
    out.ErrorCode = inRange ? code : 1;
    out.ErrorInfo = decision.message ?? TENCENT_DEFAULTS.denyMessage;
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

const TENCENT_OK = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""';

/**
 * The Tencent allow answer written directly, without the per-target objects and their serialisation: the same text
 * `safeStringify(tencentAnswer(...))` gives for a plain allow with no per-target verdicts.
 */
export function tencentPlainAllowText(command: string | null, body: unknown): string {
  if (targetList(command) === undefined) return `${TENCENT_OK}}`;
  let items = '';
  for (const account of tencentTargets(command, body)) {
    items += `${items === '' ? '' : ','}{"To_Account":${JSON.stringify(account)},"ResultCode":0,"ResultInfo":""}`;
  }
  return `${TENCENT_OK},"ResultItem":[${items}]}`;
}

/**
 * A deny code that a command denying by ErrorCode (C2C / Group before-callbacks) does not document: 1 or the row's
 * range (C2C 120001–130000). Checked for every such command among `commands` (one, or those a rule's glob matches).
 */
export function tencentDenyProblems(
  decision: Decision,
  commands: readonly CommandInfo[],
): { path: string; message: string }[] {
  const code = decision.code;
  if (decision.verdict !== 'deny' || code === undefined || code === 1) return [];
  const rows = commands.map((c) => (c.dialect === 'tencent' ? tencentCommand(c.name)?.row : undefined));
  // A rule that also answers other commands (`*`, a dialect-wide glob) meant its code for those: an ErrorCode
  // command then gets the plain deny, 1 (tencentAnswer). Checked only when every command denies by ErrorCode.
  if (rows.some((row) => row?.denyBy !== 'error-code')) return [];
  const out: { path: string; message: string }[] = [];
  for (const [i, c] of commands.entries()) {
    const row = rows[i];
    if (row === undefined) continue;
    const range = row.denyCodes;
    if (range !== undefined && code >= range.min && code <= range.max) continue;
    const allowed = range ? `1 or ${range.min}–${range.max}` : '1';
    out.push({ path: 'code', message: `${c.name} denies with ErrorCode ${allowed}; ${code} is outside that range` });
  }
  return out;
}

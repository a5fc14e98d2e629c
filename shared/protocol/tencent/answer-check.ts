import type { Finding } from '../../contract/capture.js';
import type { Decision } from '../../contract/decision.js';
import { isObject, jsonTypeOf, own, quote } from '../json.js';
import type { Identification, OutcomeInput } from '../types.js';
import { TENCENT_TIMEOUT_MS } from '../wire.js';
import { tencentTargets } from './answer.js';
import { targetList, tencentCommand } from './catalogue/index.js';

/** Tencent's documented range for a deny ResultCode / failure ErrorCode (protocols.md B.2.1). */
export const TENCENT_DENY_MIN = 38_000;
export const TENCENT_DENY_MAX = 39_000;

const finding = (level: Finding['level'], code: string, message: string, path?: string): Finding =>
  path === undefined ? { level, code, message } : { level, code, message, path };

/** A hold timeout past Tencent's fixed 2 s: the answer would leave after Tencent has given up. */
export function tencentTimeoutFinding(serverTimeoutMs: number): Finding | null {
  if (serverTimeoutMs <= TENCENT_TIMEOUT_MS) return null;
  return finding(
    'warning',
    'tencent-timeout-setting',
    `The Tencent hold timeout is ${serverTimeoutMs} ms, but Tencent gives up after ${TENCENT_TIMEOUT_MS} ms; predictions use ${TENCENT_TIMEOUT_MS} ms.`,
    'hold.tencentTimeoutMs',
  );
}

function resultItemFindings(items: unknown[], accounts: string[], out: Finding[]): void {
  const expected = new Set(accounts);
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path = `ResultItem[${i}]`;
    const account = own(item, 'To_Account');
    if (typeof account !== 'string') {
      out.push(finding('warning', 'answer-result-item', `${path} has no To_Account string.`, path));
      return;
    }
    if (!expected.has(account)) {
      out.push(finding('warning', 'answer-extra-target', `${path} names ${account}, who is not in the request.`, path));
    }
    seen.add(account);
    const code = own(item, 'ResultCode');
    const info = own(item, 'ResultInfo');
    if (typeof code !== 'number') {
      const what = code === undefined ? 'missing' : `a ${jsonTypeOf(code)}`;
      out.push(
        finding(
          'error',
          'answer-wrong-type',
          `${path}.ResultCode is ${what}, not a number (assumed to proceed).`,
          `${path}.ResultCode`,
        ),
      );
    } else if (code === 0 && typeof info === 'string' && info !== '') {
      out.push(
        finding(
          'warning',
          'answer-result-code-zero',
          `${path} has ResultCode 0 with ResultInfo ${quote(info)}: 0 means allow to Tencent; a deny needs a code in [${TENCENT_DENY_MIN}, ${TENCENT_DENY_MAX}].`,
          `${path}.ResultCode`,
        ),
      );
    } else if (code !== 0 && (code < TENCENT_DENY_MIN || code > TENCENT_DENY_MAX)) {
      out.push(
        finding(
          'warning',
          'answer-result-code-range',
          `${path}.ResultCode ${code} is outside the documented deny range [${TENCENT_DENY_MIN}, ${TENCENT_DENY_MAX}] (assumed to deny).`,
          `${path}.ResultCode`,
        ),
      );
    }
  });
  const missing = accounts.filter((a) => !seen.has(a));
  if (missing.length > 0) {
    const list =
      missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    out.push(
      finding('warning', 'answer-missing-target', `No ResultItem for ${list} (assumed to proceed).`, 'ResultItem'),
    );
  }
}

/** Tencent answer body checks (B.1, B.2): ActionStatus, ErrorCode, per-target ResultItem. */
export function tencentBody(input: OutcomeInput, parsed: unknown, out: Finding[]): void {
  if (!isObject(parsed)) return;
  const status = own(parsed, 'ActionStatus');
  if (status !== 'OK' && status !== 'FAIL') {
    const what = status === undefined ? 'is missing' : `is ${JSON.stringify(status)}`;
    out.push(
      finding('warning', 'answer-action-status', `ActionStatus ${what}; expected "OK" or "FAIL".`, 'ActionStatus'),
    );
  }
  const errorCode = own(parsed, 'ErrorCode');
  if (errorCode !== undefined && typeof errorCode !== 'number') {
    out.push(
      finding(
        'error',
        'answer-wrong-type',
        `ErrorCode is a ${jsonTypeOf(errorCode)}, not a number (assumed not to count as a failure).`,
        'ErrorCode',
      ),
    );
  } else if (status === 'FAIL' && (errorCode === undefined || errorCode === 0)) {
    out.push(
      finding(
        'warning',
        'answer-fail-without-code',
        'ActionStatus "FAIL" with ErrorCode 0: the docs pair FAIL with a non-zero ErrorCode; the prediction assumes a failure.',
        'ErrorCode',
      ),
    );
  }
  const command = input.command;
  const row = command === null ? undefined : tencentCommand(command)?.row;
  if (row?.denyBy === 'error-code' && input.phase !== 'after') {
    const range = row.denyCodes;
    const documented =
      typeof errorCode !== 'number' ||
      errorCode === 0 ||
      errorCode === 1 ||
      (errorCode === 2 && row.drop === true) ||
      (range !== undefined && errorCode >= range.min && errorCode <= range.max);
    if (!documented) {
      const codes = `0, 1${row.drop ? ', 2' : ''}${range ? ` or ${range.min}–${range.max}` : ''}`;
      out.push(
        finding(
          'warning',
          'answer-error-code',
          `ErrorCode ${errorCode}: this command documents ${codes}.`,
          'ErrorCode',
        ),
      );
    }
    return;
  }
  if (row === undefined && input.phase === 'before') {
    // A before-callback the catalogue does not list: its page's codes are not known here (it may document 2 or a
    // custom range), so the answer is not held to an after-callback's 0 or 1.
    return;
  }
  if (targetList(command) === undefined || input.phase === 'after') {
    // After-callback pages define ErrorCode 0 = success, 1 = failure (B.2.3).
    if (typeof errorCode === 'number' && errorCode !== 0 && errorCode !== 1) {
      out.push(
        finding(
          'info',
          'answer-error-code',
          `ErrorCode ${errorCode}: after-callbacks use 0 (success) or 1 (failure).`,
          'ErrorCode',
        ),
      );
    }
    return;
  }
  const items = own(parsed, 'ResultItem');
  if (!Array.isArray(items)) {
    out.push(
      finding(
        'warning',
        'answer-result-item-missing',
        'The answer has no ResultItem list, so no target carries a verdict.',
        'ResultItem',
      ),
    );
    return;
  }
  resultItemFindings(items, tencentTargets(input.command, input.requestBody), out);
}

/**
 * Findings about a *decision* for a Tencent Prev* callback: a deny whose ResultCode is 0 (Tencent reads 0 as allow)
 * or outside [38000, 39000]. The answer alone cannot show that a 0 was meant as a deny, so the engine adds these to
 * the capture's findings when such a decision is sent.
 */
export function tencentDecisionFindings(id: Identification, body: unknown, decision: Decision): Finding[] {
  if (id.dialect !== 'tencent' || targetList(id.command) === undefined) return [];
  if (decision.raw || decision.fault) return [];
  const out: Finding[] = [];
  for (const account of tencentTargets(id.command, body)) {
    const t = decision.targets && Object.hasOwn(decision.targets, account) ? decision.targets[account] : undefined;
    if ((t?.verdict ?? decision.verdict) !== 'deny') continue;
    const code = t?.code ?? decision.code;
    if (code === undefined) continue; // the default deny code, 38001, is in range
    if (code === 0) {
      out.push(
        finding('warning', 'deny-code-zero', `The deny for ${account} has ResultCode 0, which Tencent reads as allow.`),
      );
    } else if (code < TENCENT_DENY_MIN || code > TENCENT_DENY_MAX) {
      out.push(
        finding(
          'warning',
          'deny-code-range',
          `The deny for ${account} has ResultCode ${code}, outside the documented range [${TENCENT_DENY_MIN}, ${TENCENT_DENY_MAX}].`,
        ),
      );
    }
  }
  return out;
}

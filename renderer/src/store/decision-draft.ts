import type { Capture, Decision, FaultType, Verdict } from '../../../shared/contract/index.js';
import type { RawAnswer } from '../detail/raw-answer.js';
import { defaultsFor, listTargets } from '../lib/protocol.js';
import { type AnswerFieldDraft, parseAnswerFields } from './answer-field-draft.js';

/** The decision panel's form state: strings as typed, turned into a Decision only on send. */
export interface DecisionDraft {
  verdict: Verdict;
  code: string;
  message: string;
  detail: string;
  /** Tencent list targets: account → verdict (absent = follows the overall verdict). */
  targets: Record<string, Verdict>;
  targetCode: string;
  overrideText: string;
  fault: FaultType | '';
  faultStatus: string;
  delayMs: string;
  /**
   * The command's answer fields (its catalogue entry's `answer`) as typed, by wire name: the one place a rewrite is
   * drafted (remark, message content, MsgBody…), sent as `rewrite` by wire name; see answer-field-draft.ts.
   */
  answerFields: Record<string, AnswerFieldDraft>;
  /** The raw answer editor is open, seeded with this answer (it owns its text from then on); null = structured. */
  raw: RawAnswer | null;
}

export function emptyDraft(): DecisionDraft {
  return {
    verdict: 'allow',
    code: '',
    message: '',
    detail: '',
    targets: {},
    targetCode: '',
    overrideText: '',
    fault: '',
    faultStatus: '500',
    delayMs: '',
    raw: null,
    answerFields: {},
  };
}

export interface DraftContext {
  denyCode: number;
  denyMessage: string;
  /** Per-target accounts of a Tencent list request, in request order (empty otherwise). */
  targets: readonly string[];
}

export type BuildResult = { ok: true; decision: Decision } | { ok: false; error: string };

function parseInteger(text: string, label: string, fallback: number): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  if (!/^-?\d+$/.test(trimmed)) return `${label} must be a whole number`;
  return Number(trimmed);
}

/** buildDecision for this capture: its dialect's deny code and message, and its targets (Tencent list requests). */
export function decisionFor(capture: Capture, draft: DecisionDraft): BuildResult {
  const { denyCode, denyMessage } = defaultsFor(capture.dialect);
  return buildDecision(draft, { denyCode, denyMessage, targets: listTargets(capture) });
}

/** Turns the form into the contract's Decision; explains the first problem instead of sending garbage. */
export function buildDecision(draft: DecisionDraft, ctx: DraftContext): BuildResult {
  const decision: Decision = { verdict: draft.verdict };
  if (draft.verdict === 'deny') {
    const code = parseInteger(draft.code, 'Code', ctx.denyCode);
    if (typeof code === 'string') return { ok: false, error: code };
    decision.code = code;
    decision.message = draft.message.trim() === '' ? ctx.denyMessage : draft.message;
    if (draft.detail.trim() !== '') decision.detail = draft.detail;
  }
  const fields = parseAnswerFields(draft.answerFields);
  if (!fields.ok) return { ok: false, error: fields.error };
  if (Object.keys(fields.values).length > 0) decision.rewrite = fields.values;

  const denied = ctx.targets.filter((t) => draft.targets[t] === 'deny');
  const allowed = ctx.targets.filter((t) => draft.targets[t] === 'allow');
  if (denied.length > 0 || allowed.length > 0) {
    const targetCode = parseInteger(draft.targetCode, 'Target code', ctx.denyCode);
    if (typeof targetCode === 'string') return { ok: false, error: targetCode };
    const targets: NonNullable<Decision['targets']> = {};
    for (const t of allowed) targets[t] = { verdict: 'allow' };
    for (const t of denied) targets[t] = { verdict: 'deny', code: targetCode, message: ctx.denyMessage };
    decision.targets = targets;
  }

  if (draft.overrideText.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(draft.overrideText);
    } catch {
      return { ok: false, error: 'Override must be a JSON object' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, error: 'Override must be a JSON object' };
    // Checked just above: a plain JSON object.
    decision.override = parsed as Record<string, unknown>;
  }

  if (draft.fault !== '') {
    if (draft.fault === 'http-status') {
      const status = parseInteger(draft.faultStatus, 'HTTP status', 500);
      if (typeof status === 'string') return { ok: false, error: status };
      if (status < 100 || status > 599) return { ok: false, error: 'HTTP status must be 100–599' };
      decision.fault = { type: 'http-status', status };
    } else decision.fault = { type: draft.fault };
  }

  const delay = parseInteger(draft.delayMs, 'Delay', 0);
  if (typeof delay === 'string') return { ok: false, error: delay };
  if (delay < 0 || delay > 60_000) return { ok: false, error: 'Delay must be 0–60000 ms' };
  if (delay > 0) decision.delayMs = delay;
  return { ok: true, decision };
}

/** Short label for the table's answer column: "allow", "deny 5001", "fault: reset", "allow · remark". */
export function describeDecision(decision: Decision | null): string {
  if (!decision) return '';
  // A raw answer ignores verdict and fields: "allow" would be a guess about a text written by hand.
  if (decision.raw) return `exact answer (HTTP ${decision.raw.status})`;
  if (decision.fault) {
    const status = decision.fault.type === 'http-status' ? ` ${decision.fault.status ?? 500}` : '';
    return `fault: ${decision.fault.type}${status}`;
  }
  const parts: string[] = [
    decision.verdict === 'deny' ? `deny${decision.code !== undefined ? ` ${decision.code}` : ''}` : 'allow',
  ];
  if (decision.targets) {
    const denied = Object.values(decision.targets).filter((t) => t.verdict === 'deny').length;
    if (denied > 0) parts.push(`${denied} denied`);
  }
  if (decision.rewrite?.remark !== undefined) parts.push('remark');
  if (decision.rewrite?.friendUserIDs !== undefined) parts.push('list');
  // Any other answer field by its wire name ("allow · content").
  const others = Object.keys(decision.rewrite ?? {}).filter((k) => k !== 'remark' && k !== 'friendUserIDs');
  if (others.length > 0) parts.push(others.join(', '));
  if (decision.override) parts.push('override');
  if (decision.delayMs) parts.push(`+${decision.delayMs} ms`);
  return parts.join(' · ');
}

import type { Finding, Outcome } from '../contract/capture.js';
import { tencentBody, tencentTimeoutFinding } from './answer-check-tencent.js';
import { findCommand } from './catalogue.js';
import { type GoKind, goDecode, topLevelMembers } from './go-json.js';
import { isObject, jsonTypeOf } from './json.js';
import { answerKinds, decodeOpenImAnswer, parseDenies } from './openim-decode.js';
import { OPENIM_VERSIONS, versionSends } from './openim-versions.js';
import { predictOutcome } from './outcome.js';
import { openImLimitMs } from './outcome-openim.js';
import { TENCENT_TIMEOUT_MS } from './outcome-tencent.js';
import type { OutcomeInput } from './types.js';
import { bodyOnWire, isInterimStatus, statusSendsBody } from './wire.js';

/**
 * The protocol's checks applied to an *answer* (a backend's in upstream mode, a backend's to a sent callback, or one
 * written in the raw answer editor), with the IM server's predicted reaction. One implementation for all three.
 * Findings are exact for the chosen profile: the OpenIM version's response struct, deny rule, set-remark copy rule
 * and inline after-callbacks, the commands it sends; Tencent's fixed 2 s timeout, ResultItem and deny codes.
 */
export interface AnswerCheck {
  findings: Finding[];
  outcome: Outcome;
}

const finding = (level: Finding['level'], code: string, message: string, path?: string): Finding =>
  path === undefined ? { level, code, message } : { level, code, message, path };

function timing(input: OutcomeInput, out: Finding[]): void {
  const limit = input.dialect === 'tencent' ? TENCENT_TIMEOUT_MS : openImLimitMs(input.serverTimeoutMs);
  const took = Math.round(input.elapsedMs);
  if (input.elapsedMs >= limit) {
    out.push(
      finding('error', 'answer-late', `The answer took ${took} ms; the server gives up after ${limit} ms.`, 'latency'),
    );
  } else if (input.elapsedMs > limit / 2) {
    out.push(
      finding(
        'warning',
        'answer-slow',
        `The answer took ${took} ms, more than half of the server's ${limit} ms timeout.`,
        'latency',
      ),
    );
  }
}

/** A command the chosen OpenIM version never sends (or sends under another name). */
function commandFindings(input: OutcomeInput, out: Finding[]): void {
  if (input.profile.dialect !== 'openim' || input.command === null) return;
  const info = findCommand(input.command, 'openim');
  if (!info) return;
  const sending = versionSends(input.profile.version, info.name, info.family === 'relationship');
  if (sending.sent === false) {
    out.push(finding('warning', 'command-not-sent', `${sending.note}: the outcome is not predicted.`));
  } else if (sending.note !== undefined) {
    out.push(finding('info', sending.sent === 'renamed' ? 'command-renamed' : 'command-version', `${sending.note}.`));
  }
}

function openImBody(input: OutcomeInput, bodyText: string, out: Finding[]): void {
  if (input.profile.dialect !== 'openim') return;
  const profile = input.profile.version;
  const v = OPENIM_VERSIONS[profile];
  const info = input.command === null ? undefined : findCommand(input.command, 'openim');
  const fields = info?.phase === 'before' ? info.responseFields : [];
  const kinds: Record<string, GoKind> = answerKinds(v, fields);
  for (const { key, raw } of topLevelMembers(bodyText)) {
    const kind = kinds[key.toLowerCase()];
    if (!kind) continue;
    const decoded = goDecode(raw, kind);
    if (!decoded.ok) {
      out.push(
        finding(
          'error',
          'answer-wrong-type',
          `${key} ${decoded.why}: ${v.label} cannot decode the answer (a format error, 90007).`,
          key,
        ),
      );
    }
  }
  const { answer: a, error } = decodeOpenImAnswer(bodyText, v, fields);
  if (error !== null || !info) return;
  const denies = parseDenies(v, a);
  if (denies && a.errCode < 100 && v.denyHonoured && info.phase === 'before') {
    out.push(
      finding(
        'warning',
        'answer-deny-code',
        `A deny with errCode ${a.errCode}: codes below 100 reach the user as a generic 500 error; use 5000–9999.`,
        'errCode',
      ),
    );
  }
  if (denies && !v.denyHonoured) {
    out.push(
      finding(
        'warning',
        'answer-deny-ignored',
        `${v.label} only logs a deny (callBackPostReturn returns nil): this answer denies nothing.`,
      ),
    );
  }
  if (denies && v.denyHonoured && v.afterInline && info.phase === 'after' && info.modelled) {
    out.push(
      finding(
        'warning',
        'answer-after-deny',
        `${v.label} runs after-callbacks inline: this deny reaches the API caller as error ${a.errCode}, although the change is already stored.`,
      ),
    );
  }
  if (fields.includes('remark') && v.remarkCopy === 'always' && a.remark === '') {
    out.push(
      finding(
        'warning',
        'answer-remark-cleared',
        `${v.label} copies the answer's remark even when it has none: the remark becomes "". Echo the received remark.`,
        'remark',
      ),
    );
  }
}

/** Findings about an answer and what the IM server will do with it. Pure; never throws on hostile input. */
export function checkAnswer(input: OutcomeInput): AnswerCheck {
  const outcome = predictOutcome(input);
  const findings: Finding[] = [];
  const sent = input.sent;
  const tencent = input.dialect === 'tencent';
  commandFindings(input, findings);
  if (tencent) {
    const setting = tencentTimeoutFinding(input.serverTimeoutMs);
    if (setting) findings.push(setting);
  }
  if (sent.action !== 'respond') {
    findings.push(finding('error', 'answer-missing', `No answer came back (${sent.action}).`));
    return { findings, outcome };
  }
  timing(input, findings);
  if (isInterimStatus(sent.status)) {
    findings.push(
      finding(
        'error',
        'answer-interim-status',
        `HTTP ${sent.status} is an interim response: the server keeps waiting for a final answer until its timeout${tencent ? '' : ' (90004)'}.`,
      ),
    );
    return { findings, outcome };
  }
  if (sent.status !== 200) {
    findings.push(
      tencent
        ? finding('error', 'answer-status', `HTTP ${sent.status}: Tencent counts any status but 200 as a failure.`)
        : finding(
            'warning',
            'answer-status',
            `HTTP ${sent.status}: OpenIM ignores the status and reads only the body.`,
          ),
    );
  }
  const bodyText = bodyOnWire(sent.status, sent.bodyText);
  if (!statusSendsBody(sent.status) && sent.bodyText !== '') {
    findings.push(
      finding(
        'error',
        'answer-body-dropped',
        `Node sends no body with HTTP ${sent.status}: the server reads an empty body.`,
      ),
    );
    return { findings, outcome };
  }
  if (bodyText.trim() === '') {
    findings.push(finding('error', 'answer-empty', 'The answer has no body; the server needs a JSON object.'));
    return { findings, outcome };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    findings.push(finding('error', 'answer-not-json', 'The answer is not JSON.'));
    return { findings, outcome };
  }
  // Go decodes `null` into the struct as a no-op; anything else that is not an object cannot be an answer.
  if (!isObject(parsed) && !(parsed === null && !tencent)) {
    findings.push(finding('error', 'answer-not-object', `The answer is a JSON ${jsonTypeOf(parsed)}, not an object.`));
    return { findings, outcome };
  }
  if (input.dialect === 'openim') openImBody(input, bodyText, findings);
  else if (tencent) tencentBody(input, parsed, findings);
  return { findings, outcome };
}

import type { Finding } from '../../contract/capture.js';
import { own } from '../json.js';
import type { AnswerFieldSpec, OutcomeInput } from '../types.js';
import { openimCommand } from './catalogue/index.js';
import { copyRule } from './copy-rule.js';
import { answerSlots, decodeOpenImAnswer, parseDenies } from './decode.js';
import { goDecode, topLevelMembers } from './go-json.js';
import { OPENIM_VERSIONS, versionSends } from './versions.js';

/** OpenIM's side of `checkAnswer`: the version's response struct, deny rule, copy rules and the commands it sends. */

const NO_FIELDS: readonly AnswerFieldSpec[] = [];

const finding = (level: Finding['level'], code: string, message: string, path?: string): Finding =>
  path === undefined ? { level, code, message } : { level, code, message, path };

/** A command the chosen OpenIM version never sends (or sends under another name). */
export function openImCommandFindings(input: OutcomeInput, out: Finding[]): void {
  if (input.profile.dialect !== 'openim' || input.command === null) return;
  const info = openimCommand(input.command);
  if (!info) return;
  const sending = versionSends(input.profile.version, info.name);
  if (sending.sent === false) {
    out.push(finding('warning', 'command-not-sent', `${sending.note}: the outcome is not predicted.`));
  } else if (sending.note !== undefined) {
    out.push(finding('info', sending.sent === 'renamed' ? 'command-renamed' : 'command-version', `${sending.note}.`));
  }
}

export function openImBody(input: OutcomeInput, bodyText: string, out: Finding[]): void {
  if (input.profile.dialect !== 'openim') return;
  const profile = input.profile.version;
  const v = OPENIM_VERSIONS[profile];
  const info = input.command === null ? undefined : openimCommand(input.command);
  const fields = info?.phase === 'before' ? info.answer : NO_FIELDS;
  const slots = answerSlots(v, fields);
  for (const { key, raw } of topLevelMembers(bodyText)) {
    const slot = slots.get(key.toLowerCase());
    if (!slot) continue;
    const decoded = goDecode(raw, slot.kind);
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
  for (const spec of fields) {
    const value = a.extra[spec.name];
    // main's webhookBeforeMsgModify: json.Unmarshal(content, &struct{}{}) must succeed (internal/rpc/msg/callback.go).
    if (spec.jsonString && profile === 'v3.7+' && typeof value === 'string' && !isJsonObjectText(value)) {
      out.push(
        finding(
          'warning',
          `answer-${spec.name}-not-json`,
          `${spec.name} is not the text of a JSON object: main fails the message with 1001 ("webhook msg modify content is not json"); v3.7.0–v3.8.3 store it as given.`,
          spec.name,
        ),
      );
    }
  }
  for (const spec of fields) {
    if (copyRule(spec, profile) !== 'always') continue;
    const got = a.extra[spec.name];
    const asked = own(input.requestBody, spec.name);
    // Cleared only where the request may have had something to lose: a request value of "" loses nothing.
    if ((got !== '' && got !== null && got !== undefined) || asked === '' || asked === null) continue;
    const label = spec.label ?? spec.name;
    out.push(
      finding(
        'warning',
        `answer-${spec.name}-cleared`,
        `${v.label} copies the answer's ${label} even when it has none: the ${label} becomes "". Echo the received ${label}.`,
        spec.name,
      ),
    );
  }
}

/** Whether Go's json.Unmarshal into `struct{}` accepts the text: a JSON object, or null. */
function isJsonObjectText(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return v === null || (typeof v === 'object' && !Array.isArray(v));
  } catch {
    return false;
  }
}

import { validateRules } from '../../../shared/rules/index.js';
import type { RuleObject } from './rule-form.js';

/**
 * A rule problem in words, placed at the form field it is about: `id`, `name`, `match.dialect`, `match.command`,
 * `match.where[N].path|op|value`, `action.type`, `action.decision.verdict|code|message`, `times`; anything the form
 * has no field for goes to `json` (the Rule JSON box).
 */
export type FieldIssues = Record<string, string>;

const WHERE = /^match\.where\[(\d+)\]\.(path|op|value)$/;

/** The validator's words ("expected number, received string") → what to type instead. */
function inWords(field: string, message: string): string {
  if (/duplicate rule id/.test(message)) return `Another rule already has this id: choose a different one.`;
  switch (field) {
    case 'id':
      return 'Rule id: 1 to 100 letters, digits, dots, dashes or underscores (no spaces).';
    case 'name':
      return 'Name: at most 200 characters.';
    case 'match.dialect':
      return 'Dialect: choose any, openim or tencent.';
    case 'match.command':
      return 'Command: an exact command name or a glob such as *AddFriend*, at most 200 characters.';
    case 'action.type':
      return 'Action: choose answer or hold.';
    case 'action.decision.verdict':
      return 'Verdict: choose allow or deny.';
    case 'action.decision.code':
      return 'Deny code: a whole number such as 5001, or empty for the default code.';
    case 'action.decision.message':
      return 'Deny message: at most 10 000 characters.';
    case 'times':
      return 'Times: a whole number of 1 or more (the next N matches), or empty to apply always.';
  }
  const where = WHERE.exec(field);
  if (where) {
    const n = Number(where[1]) + 1;
    if (where[2] === 'path' && /expected string|too small|>=1/i.test(message)) {
      return `Condition ${n}: say which field to test, e.g. fromUserID or FriendItem[].To_Account.`;
    }
    if (where[2] === 'op') return `Condition ${n}: choose an operator.`;
    // The condition compiler already speaks in words ("invalid regular expression: …", "\"in\" needs…").
    return `Condition ${n}: ${message}`;
  }
  return message;
}

/** Drops the list index: `[3].match.where[0].value` → `match.where[0].value` (for rule 3). */
function ruleField(path: string, index: number): string | null {
  const m = /^\[(\d+)\]\.?(.*)$/.exec(path);
  if (!m) return null;
  return Number(m[1]) === index ? m[2] || 'json' : null;
}

/** Known form fields; other paths are shown at the JSON box with their path. */
function isFormField(field: string): boolean {
  return (
    ['id', 'name', 'match.dialect', 'match.command', 'action.type', 'times'].includes(field) ||
    /^action\.decision\.(verdict|code|message)$/.test(field) ||
    WHERE.test(field)
  );
}

/** Puts problems (path + message, as the engine and the shared validator report them) at their fields. */
export function placeIssues(problems: readonly { path: string; message: string }[], index: number): FieldIssues {
  const out: FieldIssues = {};
  const rest: string[] = [];
  for (const p of problems) {
    const field = ruleField(p.path, index);
    if (field === null) {
      rest.push(`${p.path}: ${p.message}`); // another rule of the list (shown so nothing is hidden)
    } else if (isFormField(field)) {
      out[field] ??= inWords(field, p.message);
    } else {
      rest.push(field === 'json' ? p.message : `${field}: ${p.message}`);
    }
  }
  if (rest.length > 0) out.json = rest.join(' · ');
  return out;
}

/** The shared validator's verdict on one rule, placed at its fields (the engine checks again on save). */
export function localFieldIssues(rule: RuleObject): FieldIssues {
  const result = validateRules([rule]);
  return result.ok ? {} : placeIssues(result.errors, 0);
}

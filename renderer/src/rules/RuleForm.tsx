import { CONDITION_OPS, type Condition } from '../../../shared/contract/index.js';
import { Options } from '../lib/Options.js';
import { IssueField } from './field-issue.js';
import {
  conditionFromText,
  conditionValueText,
  getAction,
  getConditions,
  getDecision,
  getMatch,
  type RuleObject,
  withDecision,
  withMatch,
} from './rule-form.js';
import type { FieldIssues } from './rule-issues.js';

interface FormProps {
  rule: RuleObject;
  onChange: (next: RuleObject) => void;
  /** Problems per field (local check and the engine's answer), shown under each field. */
  issues: FieldIssues;
  /** Prefix for the ids that tie messages to fields. */
  idBase: string;
}

function ConditionRows({ rule, onChange, issues, idBase }: FormProps) {
  const conditions = getConditions(rule);
  const at = { issues, idBase };
  const setAt = (i: number, c: Condition | null): void => {
    const next = conditions.slice();
    if (c) next[i] = c;
    else next.splice(i, 1);
    onChange(withMatch(rule, { where: next }));
  };
  return (
    <fieldset className="conditions">
      <legend>Where (all must hold)</legend>
      {conditions.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; the editor owns their order
        <div className="condition-row" key={i}>
          <IssueField label="Path" field={`match.where[${i}].path`} at={at}>
            <input value={c.path} onChange={(e) => setAt(i, { ...c, path: e.target.value })} spellCheck={false} />
          </IssueField>
          <IssueField label="Operator" field={`match.where[${i}].op`} at={at}>
            <select
              value={c.op}
              onChange={(e) =>
                setAt(i, conditionFromText(c.path, e.target.value as Condition['op'], conditionValueText(c)))
              } // options are CONDITION_OPS
            >
              <Options items={CONDITION_OPS} />
            </select>
          </IssueField>
          {c.op !== 'exists' ? (
            <IssueField label="Value" field={`match.where[${i}].value`} at={at}>
              <input
                value={conditionValueText(c)}
                onChange={(e) => setAt(i, conditionFromText(c.path, c.op, e.target.value))}
              />
            </IssueField>
          ) : null}
          <button type="button" onClick={() => setAt(i, null)}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange(withMatch(rule, { where: [...conditions, { path: '', op: 'equals', value: '' }] }))}
      >
        Add condition
      </button>
    </fieldset>
  );
}

/** A number field's text: null when empty, a number when it matches `whole`, else the text (the check names it). */
function numberOrText(text: string, whole: RegExp): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return whole.test(t) ? Number(t) : t;
}

/** The rule's fields over its JSON; each field shows its own problem. */
export function RuleForm({ rule, onChange, issues, idBase }: FormProps) {
  const match = getMatch(rule);
  const action = getAction(rule);
  const decision = getDecision(rule);
  const at = { issues, idBase };
  const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return (
    <div className="rule-form">
      <IssueField label="Rule id" field="id" at={at}>
        <input value={str(rule.id)} onChange={(e) => onChange({ ...rule, id: e.target.value })} spellCheck={false} />
      </IssueField>
      <IssueField label="Name" field="name" at={at} wide>
        <input value={str(rule.name)} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
      </IssueField>
      <IssueField label="Dialect" field="match.dialect" at={at}>
        <select
          value={str(match.dialect) || 'any'}
          onChange={(e) => onChange(withMatch(rule, { dialect: e.target.value }))}
        >
          <Options items={['any', 'openim', 'tencent']} />
        </select>
      </IssueField>
      <IssueField label="Command (name or glob)" field="match.command" at={at} wide>
        <input
          value={str(match.command)}
          spellCheck={false}
          placeholder="any command"
          onChange={(e) => onChange(withMatch(rule, { command: e.target.value === '' ? undefined : e.target.value }))}
        />
      </IssueField>
      <ConditionRows rule={rule} onChange={onChange} issues={issues} idBase={idBase} />
      <IssueField label="Action" field="action.type" at={at}>
        <select
          value={str(action.type) || 'answer'}
          onChange={(e) =>
            onChange(
              e.target.value === 'hold' || e.target.value === 'forward'
                ? { ...rule, action: { type: e.target.value } }
                : withDecision(rule, { verdict: 'allow' }),
            )
          }
        >
          <Options items={['answer', 'hold', { value: 'forward', label: 'forward to the backend' }]} />
        </select>
      </IssueField>
      {action.type === 'forward' ? (
        <IssueField label="Backend URL (empty: the upstream setting)" field="action.url" at={at} wide>
          <input
            value={str(action.url)}
            spellCheck={false}
            placeholder="the upstream URL from the settings"
            onChange={(e) =>
              onChange({
                ...rule,
                action: e.target.value === '' ? { type: 'forward' } : { type: 'forward', url: e.target.value },
              })
            }
          />
        </IssueField>
      ) : null}
      {action.type !== 'hold' && action.type !== 'forward' ? (
        <>
          <IssueField label="Verdict" field="action.decision.verdict" at={at}>
            <select
              value={str(decision.verdict) || 'allow'}
              onChange={(e) => onChange(withDecision(rule, { verdict: e.target.value }))}
            >
              <Options items={['allow', 'deny']} />
            </select>
          </IssueField>
          <IssueField label="Deny code" field="action.decision.code" at={at}>
            <input
              inputMode="numeric"
              value={str(decision.code)}
              onChange={(e) =>
                onChange(withDecision(rule, { code: numberOrText(e.target.value, /^-?\d+$/) ?? undefined }))
              }
            />
          </IssueField>
          <IssueField label="Deny message" field="action.decision.message" at={at} wide>
            <input
              value={str(decision.message)}
              onChange={(e) =>
                onChange(withDecision(rule, { message: e.target.value === '' ? undefined : e.target.value }))
              }
            />
          </IssueField>
        </>
      ) : null}
      <IssueField label="Times (empty = always)" field="times" at={at}>
        <input
          inputMode="numeric"
          value={str(rule.times)}
          onChange={(e) => onChange({ ...rule, times: numberOrText(e.target.value, /^\d+$/) })}
        />
      </IssueField>
    </div>
  );
}

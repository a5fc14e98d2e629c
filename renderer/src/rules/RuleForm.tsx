import { CONDITION_OPS, type Condition } from '../../../shared/contract/index.js';
import { FieldIssue, issueProps } from './field-issue.js';
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
          <label className="field">
            <span className="field-label">Path</span>
            <input
              value={c.path}
              onChange={(e) => setAt(i, { ...c, path: e.target.value })}
              spellCheck={false}
              {...issueProps(issues, `match.where[${i}].path`, idBase)}
            />
            <FieldIssue issues={issues} field={`match.where[${i}].path`} idBase={idBase} />
          </label>
          <label className="field">
            <span className="field-label">Operator</span>
            <select
              value={c.op}
              onChange={(e) =>
                setAt(i, conditionFromText(c.path, e.target.value as Condition['op'], conditionValueText(c)))
              } // options are CONDITION_OPS
              {...issueProps(issues, `match.where[${i}].op`, idBase)}
            >
              {CONDITION_OPS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            <FieldIssue issues={issues} field={`match.where[${i}].op`} idBase={idBase} />
          </label>
          {c.op !== 'exists' ? (
            <label className="field">
              <span className="field-label">Value</span>
              <input
                value={conditionValueText(c)}
                onChange={(e) => setAt(i, conditionFromText(c.path, c.op, e.target.value))}
                {...issueProps(issues, `match.where[${i}].value`, idBase)}
              />
              <FieldIssue issues={issues} field={`match.where[${i}].value`} idBase={idBase} />
            </label>
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

/** The rule's fields over its JSON; each field shows its own problem. */
export function RuleForm({ rule, onChange, issues, idBase }: FormProps) {
  const match = getMatch(rule);
  const action = getAction(rule);
  const decision = getDecision(rule);
  const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return (
    <div className="rule-form">
      <label className="field">
        <span className="field-label">Rule id</span>
        <input
          {...issueProps(issues, 'id', idBase)}
          value={str(rule.id)}
          onChange={(e) => onChange({ ...rule, id: e.target.value })}
          spellCheck={false}
        />
        <FieldIssue issues={issues} field="id" idBase={idBase} />
      </label>
      <label className="field field-wide">
        <span className="field-label">Name</span>
        <input
          {...issueProps(issues, 'name', idBase)}
          value={str(rule.name)}
          onChange={(e) => onChange({ ...rule, name: e.target.value })}
        />
        <FieldIssue issues={issues} field="name" idBase={idBase} />
      </label>
      <label className="field">
        <span className="field-label">Dialect</span>
        <select
          {...issueProps(issues, 'match.dialect', idBase)}
          value={str(match.dialect) || 'any'}
          onChange={(e) => onChange(withMatch(rule, { dialect: e.target.value }))}
        >
          <option value="any">any</option>
          <option value="openim">openim</option>
          <option value="tencent">tencent</option>
        </select>
        <FieldIssue issues={issues} field="match.dialect" idBase={idBase} />
      </label>
      <label className="field field-wide">
        <span className="field-label">Command (name or glob)</span>
        <input
          {...issueProps(issues, 'match.command', idBase)}
          value={str(match.command)}
          spellCheck={false}
          placeholder="any command"
          onChange={(e) => onChange(withMatch(rule, { command: e.target.value === '' ? undefined : e.target.value }))}
        />
        <FieldIssue issues={issues} field="match.command" idBase={idBase} />
      </label>
      <ConditionRows rule={rule} onChange={onChange} issues={issues} idBase={idBase} />
      <label className="field">
        <span className="field-label">Action</span>
        <select
          {...issueProps(issues, 'action.type', idBase)}
          value={str(action.type) || 'answer'}
          onChange={(e) =>
            onChange(
              e.target.value === 'hold' || e.target.value === 'forward'
                ? { ...rule, action: { type: e.target.value } }
                : withDecision(rule, { verdict: 'allow' }),
            )
          }
        >
          <option value="answer">answer</option>
          <option value="hold">hold</option>
          <option value="forward">forward to the backend</option>
        </select>
        <FieldIssue issues={issues} field="action.type" idBase={idBase} />
      </label>
      {action.type === 'forward' ? (
        <label className="field field-wide">
          <span className="field-label">Backend URL (empty: the upstream setting)</span>
          <input
            {...issueProps(issues, 'action.url', idBase)}
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
          <FieldIssue issues={issues} field="action.url" idBase={idBase} />
        </label>
      ) : null}
      {action.type !== 'hold' && action.type !== 'forward' ? (
        <>
          <label className="field">
            <span className="field-label">Verdict</span>
            <select
              {...issueProps(issues, 'action.decision.verdict', idBase)}
              value={str(decision.verdict) || 'allow'}
              onChange={(e) => onChange(withDecision(rule, { verdict: e.target.value }))}
            >
              <option value="allow">allow</option>
              <option value="deny">deny</option>
            </select>
            <FieldIssue issues={issues} field="action.decision.verdict" idBase={idBase} />
          </label>
          <label className="field">
            <span className="field-label">Deny code</span>
            <input
              {...issueProps(issues, 'action.decision.code', idBase)}
              inputMode="numeric"
              value={str(decision.code)}
              onChange={(e) => {
                const t = e.target.value.trim();
                onChange(withDecision(rule, { code: t === '' ? undefined : /^-?\d+$/.test(t) ? Number(t) : t }));
              }}
            />
            <FieldIssue issues={issues} field="action.decision.code" idBase={idBase} />
          </label>
          <label className="field field-wide">
            <span className="field-label">Deny message</span>
            <input
              {...issueProps(issues, 'action.decision.message', idBase)}
              value={str(decision.message)}
              onChange={(e) =>
                onChange(withDecision(rule, { message: e.target.value === '' ? undefined : e.target.value }))
              }
            />
            <FieldIssue issues={issues} field="action.decision.message" idBase={idBase} />
          </label>
        </>
      ) : null}
      <label className="field">
        <span className="field-label">Times (empty = always)</span>
        <input
          {...issueProps(issues, 'times', idBase)}
          inputMode="numeric"
          value={str(rule.times)}
          onChange={(e) => {
            const t = e.target.value.trim();
            onChange({ ...rule, times: t === '' ? null : /^\d+$/.test(t) ? Number(t) : t });
          }}
        />
        <FieldIssue issues={issues} field="times" idBase={idBase} />
      </label>
    </div>
  );
}

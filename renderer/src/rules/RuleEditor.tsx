import { useState } from 'react';
import { CONDITION_OPS, type Condition, type Rule } from '../../../shared/contract/index.js';
import { getState, setState } from '../store/app-store.js';
import { plainRule, saveRules } from '../store/command-actions.js';
import {
  conditionFromText,
  conditionValueText,
  getAction,
  getConditions,
  getDecision,
  getMatch,
  localIssues,
  parseRuleText,
  type RuleObject,
  toText,
  withDecision,
  withMatch,
} from './rule-form.js';

interface Props {
  initial: unknown;
  originalId: string | null;
}

function ConditionRows({ rule, onChange }: { rule: RuleObject; onChange: (next: RuleObject) => void }) {
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
            <input value={c.path} onChange={(e) => setAt(i, { ...c, path: e.target.value })} spellCheck={false} />
          </label>
          <label className="field">
            <span className="field-label">Operator</span>
            <select
              value={c.op}
              onChange={(e) =>
                setAt(i, conditionFromText(c.path, e.target.value as Condition['op'], conditionValueText(c)))
              } // options are CONDITION_OPS
            >
              {CONDITION_OPS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
          </label>
          {c.op !== 'exists' ? (
            <label className="field">
              <span className="field-label">Value</span>
              <input
                value={conditionValueText(c)}
                onChange={(e) => setAt(i, conditionFromText(c.path, c.op, e.target.value))}
              />
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

function RuleForm({ rule, onChange }: { rule: RuleObject; onChange: (next: RuleObject) => void }) {
  const match = getMatch(rule);
  const action = getAction(rule);
  const decision = getDecision(rule);
  const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return (
    <div className="rule-form">
      <label className="field">
        <span className="field-label">Rule id</span>
        <input value={str(rule.id)} onChange={(e) => onChange({ ...rule, id: e.target.value })} spellCheck={false} />
      </label>
      <label className="field field-wide">
        <span className="field-label">Name</span>
        <input value={str(rule.name)} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">Dialect</span>
        <select
          value={str(match.dialect) || 'any'}
          onChange={(e) => onChange(withMatch(rule, { dialect: e.target.value }))}
        >
          <option value="any">any</option>
          <option value="openim">openim</option>
          <option value="tencent">tencent</option>
        </select>
      </label>
      <label className="field field-wide">
        <span className="field-label">Command (name or glob)</span>
        <input
          value={str(match.command)}
          spellCheck={false}
          placeholder="any command"
          onChange={(e) => onChange(withMatch(rule, { command: e.target.value === '' ? undefined : e.target.value }))}
        />
      </label>
      <ConditionRows rule={rule} onChange={onChange} />
      <label className="field">
        <span className="field-label">Action</span>
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
          <option value="answer">answer</option>
          <option value="hold">hold</option>
          <option value="forward">forward to the backend</option>
        </select>
      </label>
      {action.type === 'forward' ? (
        <label className="field field-wide">
          <span className="field-label">Backend URL (empty: the upstream setting)</span>
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
        </label>
      ) : null}
      {action.type !== 'hold' && action.type !== 'forward' ? (
        <>
          <label className="field">
            <span className="field-label">Verdict</span>
            <select
              value={str(decision.verdict) || 'allow'}
              onChange={(e) => onChange(withDecision(rule, { verdict: e.target.value }))}
            >
              <option value="allow">allow</option>
              <option value="deny">deny</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Deny code</span>
            <input
              inputMode="numeric"
              value={str(decision.code)}
              onChange={(e) => {
                const t = e.target.value.trim();
                onChange(withDecision(rule, { code: t === '' ? undefined : /^-?\d+$/.test(t) ? Number(t) : t }));
              }}
            />
          </label>
          <label className="field field-wide">
            <span className="field-label">Deny message</span>
            <input
              value={str(decision.message)}
              onChange={(e) =>
                onChange(withDecision(rule, { message: e.target.value === '' ? undefined : e.target.value }))
              }
            />
          </label>
        </>
      ) : null}
      <label className="field">
        <span className="field-label">Times (empty = always)</span>
        <input
          inputMode="numeric"
          value={str(rule.times)}
          onChange={(e) => {
            const t = e.target.value.trim();
            onChange({ ...rule, times: t === '' ? null : /^\d+$/.test(t) ? Number(t) : t });
          }}
        />
      </label>
    </div>
  );
}

/** Form and raw JSON over one text; nothing typed is lost when the engine rejects the rule. */
export function RuleEditor({ initial, originalId }: Props) {
  const [text, setText] = useState(() => toText(initial));
  const [serverError, setServerError] = useState<{ message: string; details: string[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const parsed = parseRuleText(text);
  const issues = parsed.ok ? localIssues(parsed.value) : [parsed.error];

  const save = async (): Promise<void> => {
    if (!parsed.ok) return;
    setSaving(true);
    // Unvalidated on purpose: the engine validates the list and its 400 details are shown next to the editor.
    const edited = parsed.value as unknown as Rule;
    const current = getState().rules.map(plainRule);
    const at = originalId === null ? -1 : current.findIndex((r) => r.id === originalId);
    const next = at === -1 ? [...current, edited] : current.map((r, i) => (i === at ? edited : r));
    const result = await saveRules(next);
    setSaving(false);
    if (result.ok) setState({ ruleEditorSeed: null });
    else setServerError({ message: result.message, details: result.details });
  };

  return (
    <section className="rule-editor" aria-label="Rule editor">
      <h3>{originalId === null ? 'New rule' : `Edit rule ${originalId}`}</h3>
      {parsed.ok ? <RuleForm rule={parsed.value} onChange={(next) => setText(toText(next))} /> : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={!parsed.ok || saving} onClick={() => void save()}>
          Save rule
        </button>
        <button type="button" onClick={() => setState({ ruleEditorSeed: null })}>
          Cancel
        </button>
      </div>
      <label className="field field-wide">
        <span className="field-label">Rule JSON</span>
        <textarea
          className="mono"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {issues.length > 0 ? (
        <ul className="issues" aria-label="Problems">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      ) : null}
      {serverError ? (
        <div className="server-error" role="alert">
          <strong>Engine refused the rules: {serverError.message}</strong>
          <ul>
            {serverError.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

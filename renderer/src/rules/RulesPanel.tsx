import type { RuleWithStats } from '../../../shared/contract/index.js';
import { getState, setState, useApp } from '../store/app-store.js';
import { plainRule, saveRules } from '../store/command-actions.js';
import { notify } from '../store/notices.js';
import { isArmedRuleId } from './arm.js';
import { RuleEditor } from './RuleEditor.js';
import { deleteRule } from './rule-delete.js';
import { newRuleSeed } from './rule-form.js';
import { ruleSummary } from './rule-summary.js';

async function replaceRules(next: RuleWithStats[]): Promise<void> {
  const result = await saveRules(next.map(plainRule));
  if (!result.ok) notify('error', `Rules not saved: ${result.message}`);
}

function move(index: number, delta: number): void {
  const rules = getState().rules.slice();
  const target = index + delta;
  const a = rules[index];
  const b = rules[target];
  if (!a || !b) return;
  rules[index] = b;
  rules[target] = a;
  void replaceRules(rules);
}

/** Ordered rules: first enabled match wins. Toggle, reorder, edit, delete; hit counters from the engine. */
export function RulesPanel() {
  const rules = useApp((s) => s.rules);
  const seed = useApp((s) => s.ruleEditorSeed);
  return (
    <div className="rules-panel">
      <div className="panel-toolbar">
        <h2>Rules</h2>
        <button
          type="button"
          onClick={() =>
            setState({
              ruleEditorSeed: {
                rule: newRuleSeed(getState().selected, new Set(rules.map((r) => r.id))),
                isNew: true,
                originalId: null,
              },
            })
          }
        >
          Add rule
        </button>
      </div>
      {seed ? <RuleEditor key={JSON.stringify(seed.rule)} initial={seed.rule} originalId={seed.originalId} /> : null}
      {rules.length === 0 ? (
        <p className="muted">No rules yet. Every request gets its default answer (allow), unless hold mode is on.</p>
      ) : (
        <ol className="rule-list" aria-label="Rule list">
          {rules.map((rule, i) => (
            <li
              key={rule.id}
              className={rule.enabled ? 'rule' : 'rule rule-disabled'}
              aria-label={rule.name || rule.id}
            >
              <div className="rule-main">
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={rule.enabled}
                    onChange={(e) =>
                      void replaceRules(rules.map((r) => (r.id === rule.id ? { ...r, enabled: e.target.checked } : r)))
                    }
                  />
                  {rule.name || rule.id}
                </label>
                {isArmedRuleId(rule.id) ? (
                  <span className={rule.remaining === 0 ? 'badge badge-armed-used' : 'badge badge-armed'}>
                    {rule.remaining === 0 ? 'armed · used' : 'armed'}
                  </span>
                ) : null}
                <span className="rule-stats">
                  {rule.hits} hit{rule.hits === 1 ? '' : 's'}
                  {rule.remaining !== null ? ` · ${rule.remaining} left` : ''}
                </span>
              </div>
              <p className="rule-desc mono">{ruleSummary(rule)}</p>
              <div className="button-row small">
                <button
                  type="button"
                  onClick={() =>
                    setState({ ruleEditorSeed: { rule: plainRule(rule), isNew: false, originalId: rule.id } })
                  }
                >
                  Edit
                </button>
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                  Up
                </button>
                <button type="button" disabled={i === rules.length - 1} onClick={() => move(i, 1)}>
                  Down
                </button>
                <button type="button" onClick={() => void deleteRule(rule.id)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

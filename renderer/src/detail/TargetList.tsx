import { Field } from '../lib/Field.js';
import type { DecisionDraft } from '../store/decision-draft.js';
import { updateDraft } from '../store/selection-actions.js';

/** Per-target verdicts for Tencent list requests: each account answered on its own. */
export function TargetList({ targets, draft }: { targets: string[]; draft: DecisionDraft }) {
  const set = (account: string, verdict: 'allow' | 'deny'): void =>
    updateDraft({ targets: { ...draft.targets, [account]: verdict } });
  return (
    <fieldset className="targets">
      <legend>Per target</legend>
      {targets.map((account) => {
        const verdict = draft.targets[account] ?? draft.verdict;
        return (
          <div key={account} className="target-row">
            <code className="target-name">{account}</code>
            <button
              type="button"
              className={`chip chip-allow${verdict === 'allow' ? ' active' : ''}`}
              aria-pressed={verdict === 'allow'}
              onClick={() => set(account, 'allow')}
            >
              Allow {account}
            </button>
            <button
              type="button"
              className={`chip chip-deny${verdict === 'deny' ? ' active' : ''}`}
              aria-pressed={verdict === 'deny'}
              onClick={() => set(account, 'deny')}
            >
              Deny {account}
            </button>
          </div>
        );
      })}
      <Field label="Target deny code">
        <input
          inputMode="numeric"
          value={draft.targetCode}
          onChange={(e) => updateDraft({ targetCode: e.target.value })}
        />
      </Field>
    </fieldset>
  );
}

import { armedRule } from '../rules/arm.js';
import { getState, setState } from './app-store.js';
import { plainRule, saveRules } from './command-actions.js';
import { decisionFor } from './decision-draft.js';
import { notify } from './notices.js';

/**
 * Arms the drafted decision for the next request like the selected capture (same command, same parties): a
 * one-shot rule put first in the list. The way to answer a Tencent callback by hand — it waits only 2 s.
 */
export async function armDecision(): Promise<void> {
  const { selected, draft, rules } = getState();
  if (!selected) return;
  const built = decisionFor(selected, draft);
  if (!built.ok) {
    setState({ sendError: built.error });
    return;
  }
  const rule = armedRule(selected, built.decision, new Set(rules.map((r) => r.id)));
  const result = await saveRules([rule, ...rules.map(plainRule)]);
  if (result.ok) notify('info', `Armed: ${rule.name.replace(/^Armed: /, '')}`);
  else setState({ sendError: `Could not arm the decision: ${[result.message, ...result.details].join('; ')}` });
}

/** Cancels an armed decision (removes its rule); nothing else in the list changes. */
export async function cancelArmed(ruleId: string): Promise<void> {
  const rules = getState().rules.filter((r) => r.id !== ruleId);
  const result = await saveRules(rules.map(plainRule));
  notify(result.ok ? 'info' : 'error', result.ok ? 'Armed decision cancelled' : `Not cancelled: ${result.message}`);
}

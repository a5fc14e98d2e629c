import type { Rule } from '../../../shared/contract/index.js';
import { getState } from '../store/app-store.js';
import { plainRule, saveRules } from '../store/command-actions.js';
import { notify } from '../store/notices.js';

/** Deletes a rule at once and offers Undo, which puts it back at its place in the order. */
export async function deleteRule(id: string): Promise<void> {
  const rules = getState().rules;
  const index = rules.findIndex((r) => r.id === id);
  const rule = rules[index];
  if (!rule) return;
  const result = await saveRules(rules.filter((r) => r.id !== id).map(plainRule));
  if (!result.ok) {
    notify('error', `Rule not deleted: ${result.message}`);
    return;
  }
  const removed = plainRule(rule);
  notify('info', `Deleted rule “${rule.name || rule.id}”`, undefined, {
    label: 'Undo',
    run: () => void restoreRule(removed, index),
  });
}

async function restoreRule(rule: Rule, index: number): Promise<void> {
  const current = getState().rules.map(plainRule);
  // Someone made a rule with the same id meanwhile: theirs stays, nothing is overwritten.
  if (current.some((r) => r.id === rule.id)) {
    notify('error', `Rule “${rule.name || rule.id}” not restored: a rule with its id exists again`);
    return;
  }
  current.splice(Math.min(index, current.length), 0, rule);
  const result = await saveRules(current);
  if (result.ok) notify('info', `Restored rule “${rule.name || rule.id}”`);
  else notify('error', `Rule not restored: ${result.message}`);
}

import { catalogue } from '../protocol/catalogue.js';
import type { CommandFamily, NextStep } from '../protocol/types.js';

export type { NextStep };

/**
 * Expected next steps (product.md §3 "v3 Flows"), keyed by the predicting command: the catalogue rows' `next`
 * (protocol knowledge lives in the rows; this is only an index over them), legacy names included.
 */
export const NEXT_STEPS: ReadonlyMap<string, readonly NextStep[]> = (() => {
  const out = new Map<string, NextStep[]>();
  for (const info of catalogue) if (info.next !== undefined && info.next.length > 0) out.set(info.name, info.next);
  return out;
})();

/**
 * For each expected command, the commands that predict it (to meet an expectation, or tell an unexpected arrival);
 * an older server's name for it (`renamedTo`) has the same predecessors, as the step arrives under that name.
 */
export const PREDECESSORS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [before, steps] of NEXT_STEPS) {
    for (const step of steps) out.set(step.command, [...(out.get(step.command) ?? []), before]);
  }
  for (const info of catalogue) {
    const current = info.renamedTo === undefined ? undefined : out.get(info.renamedTo);
    if (current !== undefined && !out.has(info.name)) out.set(info.name, current);
  }
  return out;
})();

/** When a row does not say what can still stop the action after its callback, the family's usual reason. */
export function laterFailure(step: NextStep, family: CommandFamily | undefined): string {
  if (step.laterFailure !== undefined) return step.laterFailure;
  if (family === 'message')
    return 'the message was not stored or sent after the callback (muted, not a member, blocked by the receiver)';
  return 'the action failed after the callback (the server checks more after calling it)';
}

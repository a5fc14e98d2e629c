import type { Flow, FlowExpectation, FlowStep } from '../../../shared/contract/index.js';
import { findCommand } from '../../../shared/protocol/index.js';

/** Latest activity first (the engine's order for `GET /api/flows`). */
export function sortedFlows(flows: Iterable<Flow>): Flow[] {
  return [...flows].sort((a, b) => b.lastAt - a.lastAt);
}

/** "alice ↔ bob", "group g1", "new "Team" by alice" (a group being created, before it has an id). */
export function partiesText(flow: Flow): string {
  if (flow.groupId !== undefined) return `group ${flow.groupId}`;
  if (flow.creating !== undefined) {
    const by = flow.parties.length > 0 ? ` by ${flow.parties.join(', ')}` : '';
    return `new ${JSON.stringify(flow.creating)}${by}`;
  }
  return flow.parties.join(' ↔ ');
}

export const missingCount = (flow: Flow): number => flow.expected.filter((e) => e.status === 'missing').length;
export const pendingCount = (flow: Flow): number => flow.expected.filter((e) => e.status === 'pending').length;
export const unexpectedCount = (flow: Flow): number => flow.steps.filter((s) => s.unexpected).length;

/** "Before add friend" (the catalogue's title, as in the table), else the wire name. */
export function shortCommand(command: string, dialect: Flow['dialect']): string {
  return findCommand(command, dialect)?.title ?? command;
}

/** "+1.2 s", "+85 ms", "" for the first step. */
export function gapText(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(1)} s`;
  return `+${Math.round(ms / 60_000)} min`;
}

export type TimelineItem =
  | { kind: 'step'; step: FlowStep; gapMs: number | null }
  | { kind: 'expected'; expectation: FlowExpectation };

/** Steps in time order, each expected step right after the step that predicts it (or at the end). */
export function timeline(flow: Flow): TimelineItem[] {
  const items: TimelineItem[] = [];
  const after = new Map<string, FlowExpectation[]>();
  for (const e of flow.expected) after.set(e.afterCaptureId, [...(after.get(e.afterCaptureId) ?? []), e]);
  let previous: number | null = null;
  for (const step of flow.steps) {
    items.push({ kind: 'step', step, gapMs: previous === null ? null : step.receivedAt - previous });
    previous = step.receivedAt;
    for (const expectation of after.get(step.captureId) ?? []) items.push({ kind: 'expected', expectation });
    after.delete(step.captureId);
  }
  // Predicted by a step older than the ones kept.
  for (const rest of after.values()) for (const expectation of rest) items.push({ kind: 'expected', expectation });
  return items;
}

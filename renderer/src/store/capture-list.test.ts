import { describe, expect, it } from 'vitest';
import { emptyList, heldByDeadline, prependOlder, upsertSummaries } from './capture-list.js';
import { summary } from './summary-fixture.js';

describe('capture list', () => {
  it('appends new captures in seq order and replaces known ids in place', () => {
    let list = upsertSummaries(emptyList(), [summary(1), summary(2, { state: 'held' })]);
    const v1 = list.version;
    list = upsertSummaries(list, [summary(2, { state: 'answered' }), summary(3)]);
    expect(list.rows.map((r) => r.summary.seq)).toEqual([1, 2, 3]);
    expect(list.rows[1]?.summary.state).toBe('answered');
    expect(list.index.get('c3')).toBe(2);
    expect(list.version).toBeGreaterThan(v1);
  });

  it('never turns an answered capture back into held (late replay of its added event)', () => {
    let list = upsertSummaries(emptyList(), [summary(1, { state: 'answered' })]);
    list = upsertSummaries(list, [summary(1, { state: 'held' })]);
    expect(list.rows[0]?.summary.state).toBe('answered');
  });

  it('re-sorts when a capture arrives out of order', () => {
    const list = upsertSummaries(emptyList(), [summary(5), summary(3), summary(4)]);
    expect(list.rows.map((r) => r.summary.seq)).toEqual([3, 4, 5]);
    expect(list.index.get('c5')).toBe(2);
  });

  it('prepends older pages without duplicates and keeps the index right', () => {
    let list = upsertSummaries(emptyList(), [summary(10), summary(11)]);
    list = prependOlder(list, [summary(9), summary(8), summary(10)]);
    expect(list.rows.map((r) => r.summary.seq)).toEqual([8, 9, 10, 11]);
    expect(list.index.get('c11')).toBe(3);
  });

  it('moves rows into a new array when it re-sorts or prepends, so views know positions changed', () => {
    let list = upsertSummaries(emptyList(), [summary(10), summary(11)]);
    const appended = upsertSummaries(list, [summary(12)]);
    expect(appended.rows).toBe(list.rows);
    list = upsertSummaries(appended, [summary(9)]);
    expect(list.rows).not.toBe(appended.rows);
    expect(list.rows.map((r) => r.summary.seq)).toEqual([9, 10, 11, 12]);
    expect(prependOlder(list, [summary(8)]).rows).not.toBe(list.rows);
  });

  it('logs in-place replacements by position', () => {
    let list = upsertSummaries(emptyList(), [summary(1), summary(2, { state: 'held' })]);
    list = upsertSummaries(list, [summary(3), summary(2)]);
    expect(list.updated).toEqual([1]);
  });

  it('keeps the held captures with their deadlines, most urgent first, through updates, re-sorts and older pages', () => {
    const held = (seq: number, deadlineAt: number) =>
      summary(seq, { state: 'held', hold: { deadlineAt, serverTimeoutMs: 5000, fallback: 'auto' } });
    let list = upsertSummaries(emptyList(), [held(1, 900), summary(2), held(3, 500)]);
    expect(heldByDeadline(list)).toEqual([
      { id: 'c3', deadlineAt: 500 },
      { id: 'c1', deadlineAt: 900 },
    ]);
    list = upsertSummaries(list, [summary(3), held(5, 700), held(4, 800)]); // c3 answered; 5 before 4: re-sort
    expect(heldByDeadline(list).map((h) => h.id)).toEqual(['c5', 'c4', 'c1']);
    list = prependOlder(list, [held(0, 100)]);
    expect(heldByDeadline(list).map((h) => h.id)).toEqual(['c0', 'c5', 'c4', 'c1']);
    // A late replay of an answered capture's "added" event does not make it held again.
    list = upsertSummaries(list, [held(3, 500)]);
    expect(list.held.has('c3')).toBe(false);
  });
});

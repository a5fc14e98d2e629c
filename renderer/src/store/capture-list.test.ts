import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/contract/index.js';
import { emptyList, filterRows, prependOlder, upsertSummaries, visibleRows } from './capture-list.js';

function summary(seq: number, patch: Partial<CaptureSummary> = {}): CaptureSummary {
  return {
    id: `c${seq}`,
    seq,
    receivedAt: 1_700_000_000_000 + seq,
    dialect: 'openim',
    command: 'callbackBeforeAddFriendCommand',
    phase: 'before',
    state: 'answered',
    decidedBy: 'default',
    request: { method: 'POST', url: `http://127.0.0.1/cb/${seq}`, path: '/cb', query: {}, headers: {} },
    findings: [],
    decision: { verdict: 'allow' },
    response: { status: 200, headers: {} },
    latencyMs: 1,
    outcome: null,
    hold: null,
    identifiedBy: 'path',
    summary: { parties: `user${seq} → bob`, text: `Hello ${seq}` },
    ...patch,
  };
}

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

  it('filters by text (case-insensitive), command and state', () => {
    const list = upsertSummaries(emptyList(), [
      summary(1),
      summary(2, { state: 'held', summary: { parties: 'Spammer → bob', text: '' } }),
      summary(3, { command: 'Sns.CallbackFriendAdd', dialect: 'tencent' }),
    ]);
    expect(filterRows(list.rows, { text: 'SPAMMER', command: '', state: '' }).map((r) => r.summary.seq)).toEqual([2]);
    expect(filterRows(list.rows, { text: '', command: '', state: 'held' }).map((r) => r.summary.seq)).toEqual([2]);
    expect(
      filterRows(list.rows, { text: '', command: 'Sns.CallbackFriendAdd', state: '' }).map((r) => r.summary.seq),
    ).toEqual([3]);
    expect(filterRows(list.rows, { text: 'hello 1', command: '', state: 'answered' })).toHaveLength(1);
  });

  it('filters 100 000 rows correctly and returns the same array when no filter is set', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => summary(i + 1));
    const list = upsertSummaries(emptyList(), many);
    expect(visibleRows(list, { text: '', command: '', state: '' })).toBe(list.rows);
    const hits = visibleRows(list, { text: 'user99999 ', command: '', state: '' });
    expect(hits.map((r) => r.summary.seq)).toEqual([99_999]);
  });
});

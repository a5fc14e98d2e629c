import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/contract/index.js';
import {
  type CaptureList,
  emptyList,
  NO_FILTER,
  prependOlder,
  type RowFilter,
  upsertSummaries,
} from './capture-list.js';
import { type RowView, rowView } from './row-view.js';
import { summary } from './summary-fixture.js';

const seqs = (view: RowView): number[] => Array.from({ length: view.length }, (_, i) => view.at(i)?.summary.seq ?? -1);

const filter = (patch: Partial<RowFilter>): RowFilter => ({ ...NO_FILTER, ...patch });

describe('row view', () => {
  it('filters by text (case-insensitive), command and state', () => {
    const list = upsertSummaries(emptyList(), [
      summary(1),
      summary(2, { state: 'held', summary: { parties: 'Spammer → bob', text: '' } }),
      summary(3, { command: 'Sns.CallbackFriendAdd', dialect: 'tencent' }),
    ]);
    expect(seqs(rowView(list, filter({ text: 'SPAMMER' })))).toEqual([2]);
    expect(seqs(rowView(list, filter({ state: 'held' })))).toEqual([2]);
    expect(seqs(rowView(list, filter({ command: 'Sns.CallbackFriendAdd' })))).toEqual([3]);
    expect(seqs(rowView(list, filter({ text: 'hello 1', state: 'answered' })))).toEqual([1]);
  });

  it('without a filter reads the list itself and finds positions through its index', () => {
    const list = upsertSummaries(emptyList(), [summary(5), summary(6), summary(7)]);
    const view = rowView(list, NO_FILTER);
    expect(view.length).toBe(3);
    expect(view.at(2)).toBe(list.rows[2]);
    expect(view.indexOf('c6')).toBe(1);
    expect(view.indexOf('nope')).toBe(-1);
  });

  it('is the same object for the same list version and filter', () => {
    const list = upsertSummaries(emptyList(), [summary(1)]);
    const held = filter({ state: 'held' });
    expect(rowView(list, held)).toBe(rowView(list, held));
  });

  it('keeps a filtered view right across appends, in-place updates, re-sorts and older pages', () => {
    const held = filter({ state: 'held' });
    const isHeld = (seq: number): Partial<CaptureSummary> => (seq % 3 === 0 ? { state: 'held' } : {});
    let list: CaptureList = upsertSummaries(
      emptyList(),
      Array.from({ length: 30 }, (_, i) => summary(i + 10, isHeld(i + 10))),
    );
    expect(seqs(rowView(list, held))).toEqual([12, 15, 18, 21, 24, 27, 30, 33, 36, 39]);

    // Appends are tested incrementally; held rows answered in place drop out; a row that newly matches joins.
    list = upsertSummaries(list, [summary(40), summary(42, { state: 'held' }), summary(15), summary(21)]);
    list = upsertSummaries(list, [summary(43, { state: 'held' }), summary(42)]);
    expect(seqs(rowView(list, held))).toEqual([12, 18, 24, 27, 30, 33, 36, 39, 43]);
    const view = rowView(list, held);
    expect(view.indexOf('c24')).toBe(2);
    expect(view.indexOf('c15')).toBe(-1);

    // Out of order (re-sort) and an older page in front: positions move, the view is rebuilt.
    list = upsertSummaries(list, [summary(41, { state: 'held' })]);
    list = prependOlder(list, [summary(9, { state: 'held' }), summary(8)]);
    const full = list.rows.filter((r) => r.summary.state === 'held').map((r) => r.summary.seq);
    expect(seqs(rowView(list, held))).toEqual(full);
    expect(full).toEqual([9, 12, 18, 24, 27, 30, 33, 36, 39, 41, 43]);
  });

  it('catches up when versions were skipped between two reads', () => {
    const text = filter({ text: 'needle' });
    let list = upsertSummaries(emptyList(), [summary(1), summary(2)]);
    expect(rowView(list, text).length).toBe(0);
    for (let seq = 3; seq < 50; seq++) {
      const needle = seq % 10 === 0 ? { summary: { parties: 'needle → bob', text: '' } } : {};
      list = upsertSummaries(list, [summary(seq, needle)]);
    }
    expect(seqs(rowView(list, text))).toEqual([10, 20, 30, 40]);
  });

  it('filters 100 000 rows correctly', () => {
    const list = upsertSummaries(
      emptyList(),
      Array.from({ length: 100_000 }, (_, i) => summary(i + 1)),
    );
    const hits = rowView(list, filter({ text: 'user99999 ' }));
    expect(seqs(hits)).toEqual([99_999]);
    expect(hits.indexOf('c99999')).toBe(0);
  });
});

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type Capture, CaptureQuerySchema } from '../../../shared/contract/index.js';
import { CaptureStore } from './capture-store.js';
import { lineText } from './line-arena.js';

const capture = (seq: number, over: Partial<Capture> = {}): Capture => ({
  id: `c${seq}`,
  seq,
  receivedAt: 1_700_000_000_000 + seq,
  dialect: 'openim',
  command: seq % 2 === 0 ? 'callbackBeforeAddFriendCommand' : 'callbackAfterDeleteFriendCommand',
  phase: 'before',
  state: 'answered',
  decidedBy: 'default',
  request: { method: 'POST', url: '/x', path: '/x', query: {}, headers: {}, bodyText: `{"reqMsg":"Message ${seq}"}` },
  findings: [],
  decision: null,
  response: { status: 200, headers: {}, bodyText: '{}' },
  latencyMs: 1,
  outcome: null,
  hold: null,
  identifiedBy: 'path',
  ...over,
});
const query = (q: Record<string, unknown> = {}) => CaptureQuerySchema.parse(q);

describe('CaptureStore', () => {
  it('keeps the newest `limit` captures and counts the dropped ones', () => {
    const store = new CaptureStore(1000);
    for (let seq = 1; seq <= 5000; seq += 1) store.add(capture(seq), { parties: '', text: '' });
    expect(store.size).toBe(1000);
    expect(store.dropped).toBe(4000);
    expect(store.get('c4000')).toBeUndefined();
    expect(store.get('c4001')?.seq).toBe(4001);
    expect(store.all().map((c) => c.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => 4001 + i));
    store.setLimit(10);
    expect(store.all()[0]?.seq).toBe(4991);
    expect(store.dropped).toBe(4990);
  });

  it('releases a dropped capture at once, not at the next compaction (memory stays flat at the limit)', async () => {
    // A real collection is the only proof that nothing still references the dropped capture.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void; // exposed by the flag above
    const store = new CaptureStore(100);
    let first: Capture | null = capture(1);
    const ref = new WeakRef(first);
    store.add(first, { parties: '', text: '' });
    first = null;
    for (let seq = 2; seq <= 150; seq += 1) store.add(capture(seq), { parties: '', text: '' });
    expect(store.dropped).toBe(50);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(ref.deref()).toBeUndefined();
  });

  it('lists newest first with limit, before, command, state and text search', () => {
    const store = new CaptureStore(100);
    for (let seq = 1; seq <= 20; seq += 1) {
      store.add(capture(seq, seq === 7 ? { state: 'failed' } : {}), {
        parties: seq === 3 ? 'Alice → bob' : 'x → y',
        text: '',
      });
    }
    const seqs = (q: Record<string, unknown>) => store.list(query(q)).items.map((s) => s.seq);
    expect(seqs({ limit: 3 })).toEqual([20, 19, 18]);
    expect(store.list(query({ limit: 3 })).total).toBe(20);
    expect(seqs({ limit: 3, before: 10 })).toEqual([9, 8, 7]);
    expect(seqs({ limit: 3, command: 'callbackAfterDeleteFriendCommand' })).toEqual([19, 17, 15]);
    expect(store.list(query({ limit: 3, command: 'callbackAfterDeleteFriendCommand' })).total).toBe(10);
    expect(seqs({ state: 'failed' })).toEqual([7]);
    expect(seqs({ q: 'alice' })).toEqual([3]);
    expect(seqs({ q: 'MESSAGE 1' })).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 1]);
    expect(seqs({ q: 'afterdelete', before: 6 })).toEqual([5, 3, 1]);
  });

  it('summaries carry no bodies and follow updates', () => {
    const store = new CaptureStore(10);
    const c = capture(1, { state: 'held', response: null });
    store.add(c, { parties: 'a → b', text: 'hi' });
    const added = store.summaryOf('c1');
    expect(added?.state).toBe('held');
    expect(added && 'bodyText' in added.request).toBe(false);
    c.state = 'answered';
    c.response = { status: 200, headers: {}, bodyText: '{"secret":1}' };
    expect(store.updated(c)).toBe(true);
    const updated = store.summaryOf('c1');
    expect(updated?.state).toBe('answered');
    expect(updated?.response).toEqual({ status: 200, headers: {} });
    expect(updated?.summary).toEqual({ parties: 'a → b', text: 'hi' });
    expect(store.list(query()).items[0]).toEqual(updated);
    expect(store.get('c1')?.request.body).toEqual({ reqMsg: 'Message 1' });
  });

  it('keeps a finished capture as its line and gives back an equal capture', () => {
    const store = new CaptureStore(10);
    const c = capture(1);
    store.add(c, { parties: 'p', text: 't' });
    const ref = store.finish(c);
    if (!ref) throw new Error('capture c1 is in the store');
    const line = lineText(ref);
    expect(JSON.parse(line)).toEqual(c);
    expect(store.get('c1')).toEqual({ ...c, request: { ...c.request, body: { reqMsg: 'Message 1' } } });
    expect(store.lines()).toEqual([line]);
    expect(store.list(query({ q: 'message 1' })).items.map((i) => i.id)).toEqual(['c1']);
    expect(store.list(query({ state: 'answered' })).total).toBe(1);
  });

  it('clear keeps the captures in progress the predicate selects', () => {
    const store = new CaptureStore(10);
    for (let seq = 1; seq <= 4; seq += 1) store.add(capture(seq, { state: 'held' }), { parties: '', text: '' });
    store.finish(capture(3));
    store.clear((c) => c.seq >= 3);
    expect(store.all().map((c) => c.seq)).toEqual([4]);
    expect(store.get('c1')).toBeUndefined();
  });

  it("finds captures by id whether the id is this run's (not kept), foreign, or shares its seq with another", () => {
    const idFor = (seq: number): string => `run-${seq.toString(36)}`;
    const store = new CaptureStore(100, idFor);
    const ours = capture(40, { id: idFor(40) });
    const foreign = capture(41, { id: 'old-run-15' });
    const oddFormat = capture(42, { id: 'hand edited' });
    // An edited log may hold two captures with one seq: both stay reachable.
    const twin = capture(40, { id: 'twin-of-40' });
    for (const c of [ours, foreign, oddFormat, twin]) store.addLine(c, JSON.stringify(c));
    for (const c of [ours, foreign, oddFormat, twin]) {
      expect(store.has(c.id)).toBe(true);
      expect(store.get(c.id)?.id).toBe(c.id);
      expect(store.summaryOf(c.id)?.seq).toBe(c.seq);
    }
    expect(store.has(idFor(43))).toBe(false);
    expect(store.has('run-zz')).toBe(false);
    expect(store.list(query()).items.map((i) => i.id)).toEqual(['twin-of-40', 'hand edited', 'old-run-15', 'run-14']);
  });

  it('an update of a capture dropped meanwhile reports false and stores nothing', () => {
    const store = new CaptureStore(10);
    const held = capture(1, { state: 'held' });
    store.add(held, { parties: '', text: '' });
    for (let seq = 2; seq <= 11; seq += 1) store.addLine(capture(seq), JSON.stringify(capture(seq)));
    expect(store.has('c1')).toBe(false);
    expect(store.updated({ ...held, state: 'answered' })).toBe(false);
    expect(store.finish({ ...held, state: 'answered' })).toBeNull();
    expect(store.size).toBe(10);
    expect(store.dropped).toBe(1);
  });
});

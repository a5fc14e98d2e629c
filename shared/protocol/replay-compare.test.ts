import { describe, expect, it } from 'vitest';
import type { Outcome } from '../contract/capture.js';
import type { ReplayAnswer } from '../contract/send.js';
import { compareReplay, describeOutcome, summarizeReplay } from './replay-compare.js';

const proceeds: Outcome = { effect: 'proceeds', explanation: 'goes ahead' };
const blocked = (code: number, message = 'no'): Outcome => ({ effect: 'blocked', code, message, explanation: 'x' });
const answer = (bodyText: string, outcome: Outcome | null, status: number | null = 200): ReplayAnswer => ({
  status,
  bodyText,
  latencyMs: 3,
  outcome,
});

describe('compareReplay', () => {
  it('treats key order and whitespace as the same answer', () => {
    expect(compareReplay(answer('{"a":1,"b":2}', proceeds), answer('{ "b": 2, "a": 1 }\n', proceeds))).toEqual({
      verdict: 'same',
    });
  });

  it('reports a different body with the same outcome as an answer change', () => {
    const r = compareReplay(answer('{"errCode":0}', proceeds), answer('{"errCode":0,"x":1}', proceeds));
    expect(r.verdict).toBe('answer-changed');
    expect(compareReplay(answer('{}', proceeds), answer('{}', proceeds, 500)).reason).toBe('status 200 → 500');
  });

  it('reports a changed effect, code, rewrite or per-target verdict as an outcome change', () => {
    expect(compareReplay(answer('{}', proceeds), answer('{}', blocked(5001))).reason).toBe('proceeds → blocked 5001');
    expect(compareReplay(answer('{}', blocked(5001)), answer('{}', blocked(5002))).verdict).toBe('outcome-changed');
    const remark = (r: string): Outcome => ({ ...proceeds, rewrite: { remark: r } });
    expect(compareReplay(answer('{}', remark('a')), answer('{}', remark('b'))).verdict).toBe('outcome-changed');
    const partial = (code: number): Outcome => ({
      effect: 'partial',
      explanation: '',
      targets: [
        { account: 'id1', effect: 'proceeds' },
        { account: 'id2', effect: 'blocked', code },
      ],
    });
    expect(compareReplay(answer('{}', partial(38001)), answer('{}', partial(38002))).verdict).toBe('outcome-changed');
  });

  it('does not count a changed message as an outcome change', () => {
    expect(compareReplay(answer('{"m":1}', blocked(5001, 'a')), answer('{"m":2}', blocked(5001, 'b'))).verdict).toBe(
      'answer-changed',
    );
  });

  it('compares missing answers by their error', () => {
    const none = (error: string): ReplayAnswer => ({
      status: null,
      bodyText: '',
      error,
      latencyMs: null,
      outcome: proceeds,
    });
    expect(compareReplay(none('timeout'), none('timeout')).verdict).toBe('same');
    expect(compareReplay(none('timeout'), none('refused')).verdict).toBe('answer-changed');
  });
});

describe('compareReplay: only a change a person can see (issue 23 problem 3)', () => {
  const none = (error: string): ReplayAnswer => ({
    status: null,
    bodyText: '',
    error,
    latencyMs: null,
    outcome: proceeds,
  });

  it('a set-remark echo against no remark is the same outcome', () => {
    const echo: Outcome = { ...proceeds, rewrite: { remark: 'old' } };
    const r = compareReplay(answer('{"remark":"old"}', echo), answer('{}', proceeds), { remark: 'old' });
    expect(r.verdict).toBe('answer-changed');
    // A remark that really changes is still an outcome change, and says what differs.
    const changed = compareReplay(answer('{}', echo), answer('{}', { ...proceeds, rewrite: { remark: 'new' } }), {
      remark: 'old',
    });
    expect(changed).toEqual({ verdict: 'outcome-changed', reason: 'proceeds → proceeds (remark → "new")' });
  });

  it('targets that all proceed are not a change from no targets', () => {
    const listed: Outcome = { ...proceeds, targets: [{ account: 'id1', effect: 'proceeds' }] };
    expect(compareReplay(answer('{}', listed), answer('{}', proceeds)).verdict).toBe('same');
  });

  it('a recorded close and a "connection reset" are the same failure; a timeout and a refusal are not', () => {
    expect(compareReplay(none('fault: close'), none('connection reset')).verdict).toBe('same');
    expect(compareReplay(none('socket hang up'), none('fault: reset')).verdict).toBe('same');
    expect(compareReplay(none('timeout'), none('connection refused')).verdict).toBe('answer-changed');
  });

  it('never reports an outcome change whose two sides read the same', () => {
    const late: Outcome = { effect: 'proceeds', explanation: 'late: Tencent went on', message: 'x' };
    const r = compareReplay(answer('{}', late), answer('{}', proceeds));
    expect(r.verdict).not.toBe('outcome-changed');
  });
});

describe('describeOutcome and summarizeReplay', () => {
  it('names blocked targets of a partial outcome', () => {
    expect(
      describeOutcome({
        effect: 'partial',
        explanation: '',
        targets: [
          { account: 'a', effect: 'proceeds' },
          { account: 'b', effect: 'blocked', code: 38001 },
        ],
      }),
    ).toBe('partial (b blocked 38001)');
    expect(describeOutcome(null)).toBe('no outcome');
  });

  it('counts verdicts', () => {
    expect(
      summarizeReplay([
        { verdict: 'same' },
        { verdict: 'skipped' },
        { verdict: 'outcome-changed' },
        { verdict: 'same' },
      ]),
    ).toEqual({ total: 4, same: 2, answerChanged: 0, outcomeChanged: 1, skipped: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import type { OutcomeEffect } from '../contract/capture.js';
import { type ExpectFile, ExpectFileSchema } from '../contract/verify.js';
import { type VerifyCapture, verifyExpectations } from './verify.js';

let seq = 0;
function cap(command: string, body: object, at: number, effect: OutcomeEffect, code?: number): VerifyCapture {
  seq += 1;
  return {
    id: `c${seq}`,
    seq,
    receivedAt: at,
    dialect: command.includes('.') ? 'tencent' : 'openim',
    command,
    decidedBy: code ? 'rule:deny' : 'default',
    outcome: code ? { effect, code, explanation: '' } : { effect, explanation: '' },
    body,
  };
}

const file = (input: unknown): ExpectFile => ExpectFileSchema.parse(input);
const ADD = { fromUserID: 'alice', toUserID: 'bob' };
const captures = [
  cap('callbackBeforeAddFriendCommand', ADD, 1000, 'proceeds'),
  cap('callbackAfterAddFriendCommand', ADD, 1500, 'ignored'),
  cap('callbackBeforeAddFriendCommand', { fromUserID: 'carol', toUserID: 'dan' }, 2000, 'blocked', 5001),
];

describe('verifyExpectations', () => {
  it('meets expectations with globs, rule conditions, outcome, decidedBy, after and within', () => {
    const result = verifyExpectations(
      file({
        expect: [
          {
            id: 'ask',
            command: '*BeforeAddFriend*',
            where: [{ path: 'fromUserID', op: 'equals', value: 'alice' }],
            outcome: 'proceeds',
          },
          { id: 'stored', command: 'callbackAfterAddFriendCommand', after: 'ask', within: 2000, count: 1 },
          {
            command: 'callbackBeforeAddFriendCommand',
            outcome: { effect: 'blocked', code: 5001 },
            decidedBy: 'rule:*',
          },
          { command: 'Sns.*', count: 0 },
        ],
      }),
      captures,
      [],
    );
    expect(result.results.map((r) => [r.id, r.met, r.count])).toEqual([
      ['ask', true, 1],
      ['stored', true, 1],
      ['#3', true, 1],
      ['#4', true, 0],
    ]);
    expect(result.ok).toBe(true);
    expect(result.results[0]?.captureIds).toEqual(['c1']);
  });

  it('explains an unmet expectation with the closest captures and each failed check', () => {
    const result = verifyExpectations(
      file({
        expect: [
          {
            command: 'callbackBeforeAddFriendCommand',
            where: [{ path: 'fromUserID', op: 'equals', value: 'erin' }],
            outcome: 'proceeds',
          },
        ],
      }),
      captures,
      [],
    );
    const [r] = result.results;
    expect(result.ok).toBe(false);
    expect(r?.problem).toBe('no capture matched');
    expect(r?.closest?.map((c) => [c.captureId, c.why])).toEqual([
      ['c1', ['where[0]: fromUserID is "alice", expected equals "erin"']],
      ['c3', ['where[0]: fromUserID is "carol", expected equals "erin"', 'outcome is blocked 5001, expected proceeds']],
      [
        'c2',
        [
          'command is callbackAfterAddFriendCommand, expected callbackBeforeAddFriendCommand',
          'where[0]: fromUserID is "alice", expected equals "erin"',
          'outcome is ignored, expected proceeds',
        ],
      ],
    ]);
  });

  it('fails `after` in another flow or too late, and a count above its max', () => {
    const late = verifyExpectations(
      file({
        expect: [
          {
            id: 'a',
            command: 'callbackBeforeAddFriendCommand',
            where: [{ path: 'fromUserID', op: 'equals', value: 'carol' }],
          },
          { command: 'callbackAfterAddFriendCommand', after: 'a' },
          {
            id: 'b',
            command: 'callbackBeforeAddFriendCommand',
            where: [{ path: 'fromUserID', op: 'equals', value: 'alice' }],
          },
          { command: 'callbackAfterAddFriendCommand', after: 'b', within: 100 },
          { command: 'callbackBeforeAddFriendCommand', count: { max: 1 } },
        ],
      }),
      captures,
      [],
    );
    expect(late.results[1]?.closest?.[0]?.why).toEqual(['no earlier "a" capture in the same flow']);
    expect(late.results[3]?.closest?.[0]?.why).toEqual(['500 ms after "b", expected within 100 ms']);
    expect(late.results[4]).toMatchObject({ met: false, count: 2, problem: '2 captures matched, at most 1 expected' });
  });

  it('checks flows for missing (pending keeps it unmet) and unexpected steps', () => {
    const flow = {
      key: 'openim:pair:a|b',
      dialect: 'openim' as const,
      family: 'relationship' as const,
      parties: ['a', 'b'],
      firstAt: 0,
      lastAt: 0,
      stepCount: 1,
      steps: [],
      expected: [
        {
          command: 'x',
          afterCaptureId: 'c1',
          status: 'missing' as const,
          dueAt: 1,
          reasons: ['the callback is not enabled'],
        },
      ],
    };
    const f = file({ expect: [{ command: '*', count: { min: 0 } }], flows: { noMissing: true, noUnexpected: true } });
    const missing = verifyExpectations(f, [], [flow]);
    expect(missing.results[1]).toMatchObject({ id: 'flows.noMissing', met: false, captureIds: ['c1'] });
    expect(missing.results[1]?.problem).toContain('x never came (the callback is not enabled)');
    expect(missing.results[2]).toMatchObject({ id: 'flows.noUnexpected', met: true });
    const pending = verifyExpectations(
      f,
      [],
      [{ ...flow, expected: flow.expected.map((e) => ({ ...e, status: 'pending' as const })) }],
    );
    expect(pending.results[1]).toMatchObject({ met: false, pending: true });
  });

  it('rejects files the schema cannot run: unknown after, within without after, bad regex, unknown keys', () => {
    const bad = ExpectFileSchema.safeParse({
      expect: [
        { command: 'x', after: 'nope' },
        { command: 'x', within: 5 },
        { command: 'x', where: [{ path: 'a', op: 'matches', value: '(' }] },
        { command: 'x', color: 'red' },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages.join('\n')).toContain('expect.0.after: no expectation has id "nope"');
    expect(messages.join('\n')).toContain('expect.1.within: "within" needs "after"');
    expect(messages.join('\n')).toContain('expect.2.where.0.value');
    expect(messages.join('\n')).toContain('color');
    expect(ExpectFileSchema.safeParse({ expect: [] }).success).toBe(false);
  });
});

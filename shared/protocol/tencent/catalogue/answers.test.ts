import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../answer-check.js';
import { PAGE_BODIES } from '../../testing/tencent-pages.js';
import type { OutcomeInput } from '../../types.js';
import { TENCENT_COMMANDS } from './index.js';

/**
 * Issue 21 "Done when": every answer field a Tencent page documents reaches `outcome.rewrite`, by wire name and as the
 * server applies it. The values are written by hand from the pages' answer samples (1047/34364, 34374, 34371).
 */
const ANSWER_VALUES: Record<string, Record<string, unknown>> = {
  'C2C.CallbackBeforeSendMsg': {
    MsgBody: [
      { MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } },
      { MsgType: 'TIMCustomElem', MsgContent: { Desc: ' CustomElement.MemberLevel ', Data: ' LV1' } },
    ],
    CloudCustomData: 'your new cloud custom data',
  },
  'Group.CallbackBeforeSendMsg': {
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Desc: 'CustomElement.MemberLevel', Data: 'LV1' } }],
    CloudCustomData: 'your cloud custom data',
  },
  'Group.CallbackBeforeInviteJoinGroup': { RefusedMembers_Account: ['jared'] },
};

const answered = (command: string, answer: Record<string, unknown>): OutcomeInput => ({
  dialect: 'tencent',
  command,
  phase: 'before',
  requestBody: JSON.parse(PAGE_BODIES[command]?.body ?? '{}'),
  sent: { action: 'respond', status: 200, bodyText: JSON.stringify(answer) },
  elapsedMs: 5,
  serverTimeoutMs: 2000,
  profile: { dialect: 'tencent', policy: 'fail-open' },
});

// ResultItem (Sns Prev*) is a per-target verdict, reported in `outcome.targets` (tencent/outcome.ts), not a rewrite.
const rewritable = TENCENT_COMMANDS.flatMap((c) =>
  c.answer.filter((a) => a.name !== 'ResultItem').map((a) => [c.name, a.name] as const),
);

describe('Tencent answer fields reach outcome.rewrite', () => {
  it('has a hand-written value for every answer field of the catalogue', () => {
    expect(rewritable.filter(([c, f]) => !Object.hasOwn(ANSWER_VALUES[c] ?? {}, f))).toEqual([]);
    expect(rewritable).toHaveLength(5);
  });

  for (const [command, field] of rewritable) {
    it(`${command} ${field}`, () => {
      const value = ANSWER_VALUES[command]?.[field];
      const { findings, outcome } = checkAnswer(
        answered(command, { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, [field]: value }),
      );
      expect(findings.filter((f) => f.level !== 'info')).toEqual([]);
      expect(outcome.effect).toBe('proceeds');
      expect(outcome.rewrite).toEqual({ [field]: value });
    });
  }

  it('reports every field of one answer together (the C2C page sample)', () => {
    const fields = ANSWER_VALUES['C2C.CallbackBeforeSendMsg'] ?? {};
    const { outcome } = checkAnswer(
      answered('C2C.CallbackBeforeSendMsg', { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...fields }),
    );
    expect(outcome.rewrite).toEqual(fields);
  });

  it('Sns ResultItem reaches the per-target outcome', () => {
    const { outcome } = checkAnswer({
      ...answered('Sns.CallbackPrevFriendAdd', {
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        ResultItem: [
          { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
          { To_Account: 'id2', ResultCode: 38001, ResultInfo: 'no' },
        ],
      }),
      requestBody: {
        FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }],
      },
    });
    expect(outcome.effect).toBe('partial');
    expect(outcome.targets?.map((t) => [t.account, t.effect])).toEqual([
      ['id1', 'proceeds'],
      ['id2', 'blocked'],
    ]);
  });
});

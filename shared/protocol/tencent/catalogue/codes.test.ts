import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../answer-check.js';
import { PAGE_BODIES } from '../../testing/tencent-pages.js';
import type { OutcomeInput } from '../../types.js';
import { TENCENT_COMMANDS } from './index.js';

/**
 * What a Tencent before-callback's `ErrorCode` does, per each page's answer table: 0 allows, 1 denies, 2 discards
 * silently only where the page documents it (C2C and Group before-send), the custom range denies with that code
 * (C2C 120001–130000, Group 10100–10200). Another code is not read by the failure policy silently: it is labelled
 * as an assumption.
 */
const answered = (command: string, errorCode: number, phase: 'before' | 'after' = 'before'): OutcomeInput => ({
  dialect: 'tencent',
  command,
  phase,
  requestBody: JSON.parse(PAGE_BODIES[command]?.body ?? '{}'),
  sent: {
    action: 'respond',
    status: 200,
    bodyText: `{"ActionStatus":"OK","ErrorInfo":"why","ErrorCode":${errorCode}}`,
  },
  elapsedMs: 5,
  serverTimeoutMs: 2000,
  profile: { dialect: 'tencent', policy: 'fail-open' },
});

const before = TENCENT_COMMANDS.filter((c) => c.phase === 'before' && !c.name.startsWith('Sns.'));
// The pages that print the "Discarding messages silently" sample.
const DROPS = ['C2C.CallbackBeforeSendMsg', 'Group.CallbackBeforeSendMsg'];

describe('Tencent before-callback ErrorCode, per page', () => {
  it('every C2C/Group before-callback answers with ErrorCode and its documented range', () => {
    expect(before.map((c) => [c.name, c.row.denyBy, c.row.denyCodes?.min, c.row.denyCodes?.max])).toEqual([
      ['C2C.CallbackBeforeSendMsg', 'error-code', 120_001, 130_000],
      ['Group.CallbackBeforeSendMsg', 'error-code', 10_100, 10_200],
      ['Group.CallbackBeforeCreateGroup', 'error-code', 10_100, 10_200],
      ['Group.CallbackBeforeApplyJoinGroup', 'error-code', 10_100, 10_200],
      ['Group.CallbackBeforeInviteJoinGroup', 'error-code', 10_100, 10_200],
      ['Group.CallbackBeforeCreateTopic', 'error-code', 10_100, 10_200],
    ]);
    expect(before.filter((c) => c.row.drop).map((c) => c.name)).toEqual(DROPS);
  });

  for (const c of before) {
    const range = c.row.denyCodes ?? { min: Number.NaN, max: Number.NaN };
    describe(c.name, () => {
      it('0 proceeds; 1 and the ends of the range block with that code, with no warning', () => {
        expect(checkAnswer(answered(c.name, 0)).outcome.effect).toBe('proceeds');
        for (const code of [1, range.min, range.max]) {
          const { outcome, findings } = checkAnswer(answered(c.name, code));
          expect(outcome, String(code)).toMatchObject({ effect: 'blocked', code, message: 'why' });
          expect(findings.filter((f) => f.level !== 'info')).toEqual([]);
        }
      });

      it(DROPS.includes(c.name) ? '2 drops the message silently' : '2 is not documented: [assumed] failure', () => {
        const { outcome, findings } = checkAnswer(answered(c.name, 2));
        if (DROPS.includes(c.name)) {
          expect(outcome).toMatchObject({ effect: 'dropped', code: 2 });
          expect(findings.filter((f) => f.level !== 'info')).toEqual([]);
        } else {
          expect(outcome.effect).toBe('proceeds'); // fail-open: the console's failure policy
          expect(outcome.explanation).toContain('[assumed]');
          expect(findings.map((f) => f.code)).toContain('answer-error-code');
        }
      });

      it('a code just outside the range is flagged and its outcome labelled [assumed]', () => {
        const { outcome, findings } = checkAnswer(answered(c.name, range.max + 1));
        expect(outcome.explanation).toContain('[assumed]');
        expect(findings.find((f) => f.code === 'answer-error-code')?.message).toContain(`${range.min}–${range.max}`);
      });
    });
  }

  it('after-callbacks are ignored whatever the code', () => {
    for (const c of TENCENT_COMMANDS.filter((x) => x.phase === 'after' && x.modelled)) {
      expect(checkAnswer(answered(c.name, 1, 'after')).outcome.effect, c.name).toBe('ignored');
    }
  });

  it('a before-callback the catalogue does not list is not checked as an after-callback', () => {
    const { outcome, findings } = checkAnswer({ ...answered('Group.CallbackBeforeSomethingNew', 2), requestBody: {} });
    expect(outcome.effect).toBe('unknown');
    expect(findings.map((f) => f.code)).not.toContain('answer-error-code');
  });
});

import { describe, expect, it } from 'vitest';
import { type Capture, RuleSchema } from '../../../shared/contract/index.js';
import { ruleFromCapture } from './rule-from-capture.js';

const capture = {
  id: 'x',
  seq: 7,
  dialect: 'openim',
  command: 'callbackBeforeAddFriendCommand',
  decision: { verdict: 'deny', code: 5001, message: 'no' },
} as unknown as Capture; // only the fields the function reads

describe('ruleFromCapture', () => {
  it('matches dialect, command and the main party, and answers like the person did', () => {
    const rule = ruleFromCapture(capture, { path: 'fromUserID', value: 'spammer' }, new Set());
    expect(RuleSchema.safeParse(rule).success).toBe(true);
    expect(rule).toMatchObject({
      id: 'from-7',
      enabled: true,
      match: {
        dialect: 'openim',
        command: 'callbackBeforeAddFriendCommand',
        where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }],
      },
      action: { type: 'answer', decision: { verdict: 'deny', code: 5001, message: 'no' } },
      times: null,
    });
  });

  it('picks an unused id', () => {
    expect(ruleFromCapture(capture, null, new Set(['from-7', 'from-7-2'])).id).toBe('from-7-3');
  });
});

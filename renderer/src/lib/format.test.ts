import { describe, expect, it } from 'vitest';
import { formatCountdown, formatOutcome, shownEffect } from './format.js';

describe('formatOutcome', () => {
  it('names the effect and code, and counts blocked targets of a partial outcome', () => {
    expect(formatOutcome(null)).toBe('');
    expect(formatOutcome({ effect: 'proceeds', explanation: '' })).toBe('proceeds');
    expect(formatOutcome({ effect: 'blocked', code: 5001, explanation: '' })).toBe('blocked 5001');
    expect(
      formatOutcome({
        effect: 'partial',
        explanation: '',
        targets: [
          { account: 'id1', effect: 'proceeds' },
          { account: 'id2', effect: 'blocked', code: 38001 },
        ],
      }),
    ).toBe('partial 1/2 blocked');
    expect(formatOutcome({ effect: 'partial', explanation: '' })).toBe('partial');
  });

  it('shows mixed per-target verdicts as partial even when the prediction says proceeds', () => {
    const mixed = {
      effect: 'proceeds' as const,
      explanation: '',
      targets: [
        { account: 'id1', effect: 'proceeds' as const },
        { account: 'id2', effect: 'blocked' as const, code: 38001 },
      ],
    };
    expect(shownEffect(mixed)).toBe('partial');
    expect(formatOutcome(mixed)).toBe('partial 1/2 blocked');
    expect(shownEffect({ ...mixed, targets: [{ account: 'id1', effect: 'proceeds' as const }] })).toBe('proceeds');
    expect(shownEffect({ ...mixed, effect: 'fails' })).toBe('fails');
  });
});

describe('formatCountdown', () => {
  it('tenths of a second, never negative', () => {
    expect(formatCountdown(1_700)).toBe('1.7 s');
    expect(formatCountdown(-20)).toBe('0.0 s');
  });
});

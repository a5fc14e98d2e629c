import { describe, expect, it } from 'vitest';
import { localFieldIssues, placeIssues } from './rule-issues.js';

const rule = (patch: Record<string, unknown>) => ({
  id: 'r1',
  match: { dialect: 'any', where: [] },
  action: { type: 'answer', decision: { verdict: 'allow' } },
  ...patch,
});

describe('rule problems at their fields, in words', () => {
  it('a valid rule has none', () => {
    expect(localFieldIssues(rule({}))).toEqual({});
  });

  it('says what to type instead of the validator words', () => {
    const issues = localFieldIssues(
      rule({
        id: 'has space',
        times: '-3',
        action: { type: 'answer', decision: { verdict: 'deny', code: 'x' } },
      }),
    );
    expect(issues).toEqual({
      id: 'Rule id: 1 to 100 letters, digits, dots, dashes or underscores (no spaces).',
      times: 'Times: a whole number of 1 or more (the next N matches), or empty to apply always.',
      'action.decision.code': 'Deny code: a whole number such as 5001, or empty for the default code.',
    });
  });

  it('puts condition problems on their row, regex errors included', () => {
    const issues = localFieldIssues(
      rule({
        match: {
          where: [
            { path: 'a', op: 'equals', value: 'x' },
            { path: 'b', op: 'matches', value: '(' },
          ],
        },
      }),
    );
    expect(Object.keys(issues)).toEqual(['match.where[1].value']);
    expect(issues['match.where[1].value']).toMatch(/^Condition 2: /);
  });

  it('places the engine answer for the edited rule; other rules and unknown fields go to the JSON box', () => {
    const issues = placeIssues(
      [
        { path: '[2].id', message: 'duplicate rule id "a"' },
        { path: '[0].times', message: 'bad' },
        { path: '[2].extra', message: 'Unrecognized key' },
      ],
      2,
    );
    expect(issues).toEqual({
      id: 'Another rule already has this id: choose a different one.',
      json: '[0].times: bad · extra: Unrecognized key',
    });
  });
});

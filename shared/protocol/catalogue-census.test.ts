import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.js';

/**
 * Issue 21's closing note: catalogue rows per dialect and family (current names; OpenIM's pre-v3.7 legacy names
 * apart). Adding a command changes these numbers on purpose; every row here is modelled (fields, sample, answer).
 */
function census(): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of catalogue) {
    const key = c.legacy ? `${c.dialect} legacy` : c.dialect;
    const row = out[key] ?? {};
    row[c.family] = (row[c.family] ?? 0) + 1;
    out[key] = row;
  }
  return out;
}

describe('catalogue census', () => {
  it('has these rows per dialect and family', () => {
    expect(census()).toEqual({
      openim: { relationship: 11, message: 9, push: 3, user: 6, status: 3, group: 16, conversation: 4 },
      'openim legacy': { relationship: 2, message: 3, push: 3, status: 3, group: 7 },
      tencent: { relationship: 6, message: 8, group: 19, status: 1, profile: 1, follow: 2 },
    });
  });

  it('adds up: OpenIM 52 + 18 legacy names, Tencent 37, every one modelled', () => {
    const total = (key: string) => Object.values(census()[key] ?? {}).reduce((a, b) => a + b, 0);
    expect([total('openim'), total('openim legacy'), total('tencent')]).toEqual([52, 18, 37]);
    expect(catalogue.filter((c) => !c.modelled).map((c) => c.name)).toEqual([]);
  });
});

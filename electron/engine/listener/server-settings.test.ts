import { describe, expect, it } from 'vitest';
import { type Capture, DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/index.js';
import { holdInfo } from './server-settings.js';

const withHold = (hold: Partial<Settings['hold']>): Settings => ({
  ...DEFAULT_SETTINGS,
  hold: { ...DEFAULT_SETTINGS.hold, ...hold },
});
const at = (dialect: Capture['dialect']): Capture => ({ dialect, receivedAt: 1_000_000 }) as Capture; // holdInfo reads these two

describe('holdInfo', () => {
  it("a Tencent hold longer than Tencent's 2 s still falls back before Tencent gives up (product.md §2 v3)", () => {
    const settings = withHold({ tencentTimeoutMs: 15_000, marginMs: 300 });
    const hold = holdInfo(settings, at('tencent'));
    expect(hold.deadlineAt - 1_000_000).toBe(1700);
    // The setting is kept, so the window can say that it outlives the server.
    expect(hold.serverTimeoutMs).toBe(15_000);
  });

  it('OpenIM waits as long as its configured timeout', () => {
    const settings = withHold({ openimTimeoutMs: 15_000, marginMs: 300 });
    expect(holdInfo(settings, at('openim')).deadlineAt - 1_000_000).toBe(14_700);
  });
});

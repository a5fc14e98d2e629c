import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../shared/contract/index.js';
import { makeCapture, toSummary } from './engine/testing/test-double-engine.js';
import { createHeldAlerts, type HeldAlert } from './held-alerts.js';

function recorder(focused: boolean) {
  const log = { alerts: [] as HeldAlert[], flashes: 0, badges: [] as number[], focused };
  const listener = createHeldAlerts(
    {
      isFocused: () => log.focused,
      notify: (alert) => log.alerts.push(alert),
      flash: () => {
        log.flashes += 1;
      },
      setBadge: (count) => log.badges.push(count),
    },
    () => 1_000,
  );
  return { log, listener };
}

const event = (id: string, state: 'held' | 'answered', type: EngineEvent['type'] = 'capture.added'): EngineEvent => {
  const capture = makeCapture({ id, state, command: 'Sns.CallbackPrevFriendAdd', dialect: 'tencent' });
  const summary = {
    ...toSummary(capture),
    hold: state === 'held' ? { deadlineAt: 2_700, serverTimeoutMs: 2_000, fallback: 'auto' as const } : null,
  };
  return type === 'capture.added' ? { type, capture: summary } : { type: 'capture.updated', capture: summary };
};

describe('held alerts (desktop shell)', () => {
  it('in the background: one notification and flash per newly held request, the badge counts them', () => {
    const { log, listener } = recorder(false);
    listener(event('a', 'held'));
    listener(event('b', 'held'));
    expect(log.alerts.map((a) => a.captureId)).toEqual(['a', 'b']);
    expect(log.alerts[0]).toMatchObject({ title: 'Held: Before friend add' });
    expect(log.alerts[0]?.body).toContain('answer within 1.7 s, else the fallback');
    expect(log.flashes).toBe(2);
    expect(log.badges).toEqual([1, 2]);
    listener(event('a', 'answered', 'capture.updated'));
    expect(log.badges).toEqual([1, 2, 1]);
  });

  it('never twice for the same request: a clear re-announces held requests, they stay counted', () => {
    const { log, listener } = recorder(false);
    listener(event('a', 'held'));
    listener({ type: 'captures.cleared' });
    listener(event('a', 'held'));
    expect(log.alerts).toHaveLength(1);
    expect(log.badges).toEqual([1]);
  });

  it('focused: the badge only (the title and the top bar already say it)', () => {
    const { log, listener } = recorder(true);
    listener(event('a', 'held'));
    listener(event('x', 'answered'));
    expect(log.alerts).toEqual([]);
    expect(log.flashes).toBe(0);
    expect(log.badges).toEqual([1]);
  });
});

// The desktop side of "a held request is never missed": from the engine's events, the count of held requests for
// the app badge, and for each newly held request while the window is in the background a notification and a
// flashing window. No Electron import: main.ts hands in what to do, the tests hand in recorders.
import type { CaptureSummary, EngineEvent } from '../shared/contract/index.js';
import { findCommand } from '../shared/protocol/index.js';

export interface HeldAlertPorts {
  /** True when the window has the focus (then the top bar and title already say it). */
  isFocused(): boolean;
  notify(alert: HeldAlert): void;
  flash(): void;
  setBadge(count: number): void;
}

export interface HeldAlert {
  captureId: string;
  title: string;
  body: string;
}

/** "Held: Before add friend" / "alice → bob · answer within 4.7 s, else the fallback is sent". */
export function describeHeld(summary: CaptureSummary, now: number): HeldAlert {
  const name = summary.command === null ? null : (findCommand(summary.command, summary.dialect)?.title ?? null);
  const left = summary.hold ? Math.max(0, summary.hold.deadlineAt - now) / 1000 : null;
  const parts = [summary.summary.parties, left === null ? '' : `answer within ${left.toFixed(1)} s, else the fallback`];
  return {
    captureId: summary.id,
    title: `Held: ${name ?? summary.command ?? 'callback'}`,
    body: parts.filter((p) => p !== '').join(' · '),
  };
}

/** Returns the engine event listener. Held requests survive a clear (the engine announces them again). */
export function createHeldAlerts(ports: HeldAlertPorts, now: () => number = Date.now): (event: EngineEvent) => void {
  const held = new Set<string>();
  return (event) => {
    if (event.type !== 'capture.added' && event.type !== 'capture.updated') return;
    const summary = event.capture;
    const before = held.size;
    if (summary.state !== 'held') {
      held.delete(summary.id);
      if (held.size !== before) ports.setBadge(held.size);
      return;
    }
    if (held.has(summary.id)) return;
    held.add(summary.id);
    ports.setBadge(held.size);
    if (ports.isFocused()) return;
    ports.notify(describeHeld(summary, now()));
    ports.flash();
  };
}

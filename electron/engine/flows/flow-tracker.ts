import type { Capture, EngineEvent, Flow, Settings } from '../../../shared/contract/index.js';
import {
  addCapture,
  emptyFlows,
  type FlowContext,
  type FlowState,
  listFlows,
  nextDue,
  settleFlows,
} from '../../../shared/flows/index.js';

/**
 * Changes to one flow within this window go out as one `flow.updated` (a busy conversation is not an event per
 * message). A flow event carries the whole flow (up to 200 steps), serialised for every flush: a busy flow costs
 * the engine a whole flow's JSON per window, so the window is a quarter second (a timeline a person reads needs no
 * faster) rather than the capture events' 50 ms.
 */
const FLUSH_MS = 250;

export interface FlowTrackerOptions {
  settings: () => Settings;
  emit: (event: EngineEvent) => void;
  /** Most flows kept (the capture limit: a flow per capture at most, as far as the store remembers). */
  limit: () => number;
}

/**
 * The engine's side of flows (product.md §3 "v3 Flows"): feeds each settled capture to the shared function, turns
 * pending expectations into missing ones when they fall due, and sends `flow.updated` / `flows.cleared`.
 */
export class FlowTracker {
  private state: FlowState;
  private readonly dirty = new Set<Flow>();
  private flushTimer: NodeJS.Timeout | null = null;
  private settleTimer: NodeJS.Timeout | null = null;
  private settleAt: number | null = null;
  private contextOf: Settings | null = null;
  private ctx: FlowContext | null = null;

  constructor(private readonly opts: FlowTrackerOptions) {
    this.state = emptyFlows(opts.limit());
  }

  /**
   * A capture reached its final state (answered, failed, imported or sent). `body` is its parsed request body when
   * the caller has it; otherwise the capture's own, else its text is parsed (imports: not the listener's hot path).
   */
  add(capture: Capture, body?: unknown): void {
    const settings = this.opts.settings();
    if (!settings.flows.enabled) return;
    const parsedBody = body ?? capture.request.body ?? parsed(capture.request.bodyText);
    const changed = addCapture(this.state, capture, this.context(settings), parsedBody);
    if (changed.length === 0) return;
    for (const flow of changed) this.dirty.add(flow);
    this.scheduleFlush();
    if (this.state.pending.size > 0) this.scheduleSettle(capture.receivedAt + settings.flows.settleMs);
  }

  /** The flow context of these settings, made once per settings object (they are replaced, never changed). */
  private context(settings: Settings): FlowContext {
    if (this.contextOf !== settings) {
      this.ctx = { profiles: settings.profiles, settleMs: settings.flows.settleMs };
      this.contextOf = settings;
    }
    return this.ctx as FlowContext; // set above on the first call
  }

  list(limit: number, q?: string): Flow[] {
    return listFlows(this.state, limit, q);
  }

  /** Clear (with the captures), or flows switched off: everything goes, and the window is told. */
  clear(): void {
    this.state = emptyFlows(this.opts.limit());
    this.dirty.clear();
    this.stopTimers();
    this.opts.emit({ type: 'flows.cleared' });
  }

  /** Settings changed: switching flows off drops them (nothing is derived while off). */
  settingsChanged(prev: Settings, next: Settings): void {
    if (prev.flows.enabled && !next.flows.enabled) this.clear();
  }

  close(): void {
    this.stopTimers();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, FLUSH_MS);
    this.flushTimer.unref();
  }

  private flush(): void {
    const flows = [...this.dirty];
    this.dirty.clear();
    // A flow evicted since it changed is gone: nothing to announce.
    for (const flow of flows)
      if (this.state.flows.get(flow.key) === flow) this.opts.emit({ type: 'flow.updated', flow });
  }

  /** One timer for the earliest due expectation; a later one never delays an earlier one. */
  private scheduleSettle(dueAt: number): void {
    if (this.settleAt !== null && this.settleAt <= dueAt) return;
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleAt = dueAt;
    this.settleTimer = setTimeout(() => this.settle(), Math.max(0, dueAt - Date.now()));
    this.settleTimer.unref();
  }

  private settle(): void {
    this.settleTimer = null;
    this.settleAt = null;
    const changed = settleFlows(this.state, Date.now());
    for (const flow of changed) this.dirty.add(flow);
    if (changed.length > 0) this.flush();
    const due = nextDue(this.state);
    if (due !== null) this.scheduleSettle(due);
  }

  private stopTimers(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.flushTimer = null;
    this.settleTimer = null;
    this.settleAt = null;
  }
}

function parsed(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

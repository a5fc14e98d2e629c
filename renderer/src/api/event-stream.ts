import type { EngineEvent } from '../../../shared/contract/index.js';

export interface EventStreamHandlers {
  /** Socket open: refetch state (the stream only carries changes). */
  onOpen(): void;
  /** Socket gone; `retryInMs` until the next attempt. */
  onClose(reason: string, retryInMs: number): void;
  /** One animation frame's worth of events, in arrival order. */
  onEvents(events: EngineEvent[]): void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 3000, 5000] as const;
const MIN_FLUSH_GAP_MS = 50;

/**
 * The one funnel for live updates: a WebSocket that reconnects with backoff and hands events over in
 * batches, at most once per animation frame (with a timer fallback for hidden windows, where rAF stalls).
 */
export class EventStream {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private queue: EngineEvent[] = [];
  private scheduled = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private lastFlush = 0;

  constructor(
    private readonly url: string,
    private readonly handlers: EventStreamHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = null;
  }

  private open(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      this.scheduleRetry(`cannot open event stream: ${(error as Error).message}`);
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.handlers.onOpen();
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      const reason = opened ? `connection to the engine lost (code ${event.code})` : 'engine not reachable';
      this.scheduleRetry(reason);
    };
  }

  private scheduleRetry(reason: string): void {
    if (this.stopped) return;
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] ?? 5000;
    this.attempt++;
    this.handlers.onClose(reason, delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return; // the engine only sends JSON; ignore anything else rather than crash the funnel
    }
    // Each message is an EventBatch (array); a single event object is tolerated too.
    const events = (Array.isArray(parsed) ? parsed : [parsed]) as EngineEvent[]; // engine-produced, contract shape
    this.queue.push(...events);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const flush = (): void => {
      if (!this.scheduled) return;
      this.scheduled = false;
      this.lastFlush = performance.now();
      const batch = this.queue;
      this.queue = [];
      if (batch.length > 0) this.handlers.onEvents(batch);
    };
    // Under a steady stream, coalesce to at most one store update per MIN_FLUSH_GAP_MS (still on a frame):
    // a table of 100 000 rows re-rendered 60 times a second leaves no time for input.
    const wait = Math.max(0, this.lastFlush + MIN_FLUSH_GAP_MS - performance.now());
    const onFrame = (): void => {
      requestAnimationFrame(flush);
    };
    if (wait === 0) onFrame();
    else setTimeout(onFrame, wait);
    setTimeout(flush, wait + 250);
  }
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { EngineEvent } from '../../../shared/contract/index.js';
import type { EngineApi } from '../engine-api.js';
import { ByteBatch, CLOSE_BRACKET, COMMA, OPEN_BRACKET } from '../store/byte-batch.js';
import { takeEventJson } from '../store/capture-json.js';

export interface EventStreamOptions {
  /** How long events are collected before one array is sent. */
  batchMs?: number;
  /** A client whose unsent data grows beyond this is disconnected instead of buffered forever. */
  maxBufferedBytes?: number;
  /** Upper bound of events in one message; a bigger batch is split. */
  maxBatchEvents?: number;
}

export interface EventStream {
  /** Completes an already authorised upgrade to `/api/events`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  clientCount(): number;
  close(): Promise<void>;
}

/**
 * Adds `event` to `pending`, coalescing per capture: a `capture.updated` for a capture that already has an
 * event in this batch replaces that event's summary in place (keeping its type and position), so a capture
 * added and updated in the same batch arrives once, as `capture.added` with its latest state.
 * `captures.cleared` drops the batch's earlier capture events (those captures are gone).
 */
export function enqueueEvent(pending: EngineEvent[], index: Map<string, number>, event: EngineEvent): EngineEvent[] {
  if (event.type === 'capture.updated') {
    const at = index.get(event.capture.id);
    const earlier = at === undefined ? undefined : pending[at];
    if (at !== undefined && earlier && (earlier.type === 'capture.added' || earlier.type === 'capture.updated')) {
      pending[at] = { type: earlier.type, capture: event.capture };
      return pending;
    }
  }
  if (event.type === 'captures.cleared') {
    const kept = pending.filter((e) => e.type !== 'capture.added' && e.type !== 'capture.updated');
    kept.push(event);
    index.clear();
    return kept;
  }
  if (event.type === 'capture.added' || event.type === 'capture.updated') index.set(event.capture.id, pending.length);
  pending.push(event);
  return pending;
}

export function createEventStream(engine: EngineApi, options: EventStreamOptions = {}): EventStream {
  const batchMs = options.batchMs ?? 50;
  const maxBuffered = options.maxBufferedBytes ?? 4 * 1_048_576;
  const maxBatch = options.maxBatchEvents ?? 5_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<WebSocket>();
  let pending: EngineEvent[] = [];
  let index = new Map<string, number>();
  /**
   * Capture events' JSON, encoded as each event arrives (`staged`; `encoded` maps an event to its byte range in
   * `ranges`): the work is spread over the request flow instead of one long flush task (lower tail latency), and
   * neither the summaries nor their JSON strings stay on the heap until the flush.
   */
  const staged = new ByteBatch();
  let encoded = new Map<EngineEvent, number>();
  let ranges: number[] = [];
  let timer: NodeJS.Timeout | null = null;

  /** Where the flush builds its messages. */
  const messages = new ByteBatch();

  const sendTo = (ws: WebSocket, text: string | Buffer): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxBuffered) {
      // A stuck reader would make the engine hold every future event for it: cut it off.
      // (A close frame would queue behind the same backlog, so the socket is simply cut.)
      clients.delete(ws);
      ws.terminate();
      return;
    }
    // Always a text frame, also when the JSON comes already encoded as bytes.
    ws.send(text, { binary: false });
  };

  const flush = (): void => {
    timer = null;
    const batch = pending;
    const known = encoded;
    const knownRanges = ranges;
    pending = [];
    index = new Map();
    encoded = new Map();
    ranges = [];
    if (clients.size > 0 && batch.length > 0) {
      // Serialised once for every client: one JSON array per message, copied from the staged bytes.
      for (let start = 0; start < batch.length; start += maxBatch) {
        messages.byte(OPEN_BRACKET);
        const end = Math.min(batch.length, start + maxBatch);
        for (let i = start; i < end; i++) {
          const event = batch[i] as EngineEvent; // i < batch.length
          if (i > start) messages.byte(COMMA);
          const at = known.get(event);
          if (at === undefined) messages.string(JSON.stringify(event));
          else messages.bytes(staged.view(), knownRanges[at] as number, knownRanges[at + 1] as number);
        }
        messages.byte(CLOSE_BRACKET);
        const bytes = messages.take();
        for (const ws of clients) sendTo(ws, bytes);
      }
    }
    staged.reset();
  };

  const unsubscribe = engine.subscribe((event) => {
    if (clients.size === 0) return;
    pending = enqueueEvent(pending, index, event);
    // Not when it was merged into an earlier event of the batch (that one is serialised at the flush).
    // A finished capture's event was serialised together with its log line (takeEventJson).
    if (event.type.startsWith('capture.') && pending[pending.length - 1] === event) {
      encoded.set(event, ranges.length);
      ranges.push(staged.string(takeEventJson(event)), staged.length);
    }
    timer ??= setTimeout(flush, batchMs);
  });

  wss.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
    // The stream is server → client only; anything the client sends is ignored.
    const initial: EngineEvent[] = [
      { type: 'listener.status', status: engine.listenerStatus() },
      { type: 'settings.changed', settings: engine.getSettings() },
    ];
    sendTo(ws, JSON.stringify(initial));
  });

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    clientCount: () => clients.size,
    close() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      const closing = [...clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close(1001, 'server stopping');
            // A client that never answers the close handshake must not keep the process alive.
            setTimeout(() => ws.terminate(), 1_000).unref();
          }),
      );
      clients.clear();
      return Promise.all(closing).then(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    },
  };
}

/** A WebSocket subscriber on `/api/events`, as the UI would be: one per engine under load. */
import WebSocket from 'ws';
import type { EngineEvent, EventBatch } from '../shared/contract/index.js';

export interface EventClient {
  /** Messages (batches) and bytes received so far. */
  stats(): { messages: number; bytes: number };
  close(): Promise<void>;
}

/**
 * Opens the event stream. With `onEvent`, each batch is parsed and its events handed over; without it, messages are
 * only counted, so the subscriber costs the load generator (same machine) as little as possible.
 */
export async function openEvents(
  controlUrl: string,
  token: string,
  onEvent?: (event: EngineEvent) => void,
): Promise<EventClient> {
  const url = `${controlUrl.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  let messages = 0;
  let bytes = 0;
  socket.on('message', (data: Buffer) => {
    messages++;
    bytes += data.length;
    if (onEvent === undefined) return;
    const batch = JSON.parse(data.toString('utf8')) as EventBatch; // the engine's event contract
    for (const event of Array.isArray(batch) ? batch : [batch]) onEvent(event);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('error', () => {
    // A closing engine may reset the socket: the bench reads the counters, it does not need the stream to end well.
  });
  return {
    stats: () => ({ messages, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 2_000).unref();
      }),
  };
}

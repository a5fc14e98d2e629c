import { connect } from 'node:net';
import type { UpstreamStatus } from '../../../shared/contract/index.js';
import type { UpstreamReply } from './upstream.js';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether the upstream backend answers, for the top bar and `GET /api/health`: a TCP connection check when the URL
 * is set (no HTTP request, so the backend sees no made-up callback), then the result of every forwarded callback.
 * `onChange` is called when the status changes in a way a person would notice (state, URL or error).
 */
export class UpstreamMonitor {
  private current: UpstreamStatus = { url: null, state: 'off' };
  private probeSerial = 0;

  constructor(private readonly onChange: (status: UpstreamStatus) => void) {}

  status(): UpstreamStatus {
    return this.current;
  }

  /** The `upstream.url` setting (at start and when it changes). */
  setUrl(url: string | null): void {
    if (url === this.current.url && this.current.state !== 'off') return;
    this.probeSerial += 1;
    if (url === null) {
      this.update({ url: null, state: 'off' });
      return;
    }
    this.update({ url, state: 'unknown' });
    void this.probe(url, this.probeSerial);
  }

  /** A forwarded callback's result (its URL may be a forward rule's own, not the setting's). */
  seen(reply: UpstreamReply): void {
    const { exchange } = reply;
    if (this.current.url === null || !exchange.url.startsWith(this.current.url)) return;
    const at = Date.now();
    const latency = exchange.latencyMs ?? undefined;
    const next: UpstreamStatus =
      exchange.status !== null && exchange.error === undefined
        ? { url: this.current.url, state: 'answering', at }
        : { url: this.current.url, state: 'failing', at, error: exchange.error ?? 'no answer' };
    if (latency !== undefined) next.latencyMs = latency;
    this.update(next);
  }

  private async probe(url: string, serial: number): Promise<void> {
    const parsed = new URL(url);
    const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const error = await new Promise<string | null>((resolve) => {
      const socket = connect({ host, port, timeout: PROBE_TIMEOUT_MS });
      socket.once('connect', () => {
        socket.destroy();
        resolve(null);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(`no connection within ${PROBE_TIMEOUT_MS} ms`);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(`cannot connect: ${err.code ?? err.message}`));
    });
    // A newer URL (or a forwarded callback) has the last word.
    if (serial !== this.probeSerial || this.current.state !== 'unknown') return;
    this.update(
      error === null ? { url, state: 'reachable', at: Date.now() } : { url, state: 'failing', at: Date.now(), error },
    );
  }

  private update(next: UpstreamStatus): void {
    const prev = this.current;
    this.current = next;
    if (prev.url !== next.url || prev.state !== next.state || prev.error !== next.error) this.onChange(next);
  }
}

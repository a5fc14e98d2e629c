/**
 * Whether captures.ndjson can be written (product.md §4 "persistence is never silent"): a failed file operation is
 * logged (once per reason), reported through `changed` and tried again every `retryMs` until it works; writing
 * again is logged and reported too.
 */
export class WriteHealth {
  ok = true;
  error: string | undefined;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly path: string,
    private readonly retryMs: number,
    private readonly log: (line: string) => void,
    /** Called when the health changes, and on each failed retry. */
    private readonly changed: () => void,
    /** Tries the writes again. */
    private readonly retry: () => void,
  ) {}

  /** Runs one file operation; on failure reports it and schedules a retry. */
  attempt(operation: () => void): boolean {
    try {
      operation();
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.ok || message !== this.error) this.log(`cannot write ${this.path}: ${message}`);
      this.ok = false;
      this.error = message;
      this.changed();
      if (!this.stopped && this.retryTimer === null) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.retry();
        }, this.retryMs);
        this.retryTimer.unref();
      }
      return false;
    }
  }

  /** Every write went through: after failures, says so. */
  recovered(): void {
    if (this.ok) return;
    this.ok = true;
    this.error = undefined;
    this.log(`writing ${this.path} again: the queued captures are saved`);
    this.changed();
  }

  /** No more retries (the log is closing). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

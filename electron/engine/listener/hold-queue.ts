/**
 * Held requests: each is a deferred with a deadline, owned by the engine. `take` removes an entry exactly once
 * (a decision, the deadline, a client disconnect and stop() race for it; only the first wins).
 */
export class HoldQueue<T> {
  private readonly held = new Map<string, { item: T; timer: NodeJS.Timeout }>();

  get size(): number {
    return this.held.size;
  }

  /** Holds `item` until `take(id)`; at `deadlineAt` (ms epoch) `onDeadline` runs if nobody took it first. */
  add(id: string, item: T, deadlineAt: number, onDeadline: (item: T) => void): void {
    const timer = setTimeout(
      () => {
        const entry = this.take(id);
        if (entry !== undefined) onDeadline(entry);
      },
      Math.max(0, deadlineAt - Date.now()),
    );
    // The listener keeps the process alive while it runs; a pending hold alone must not.
    timer.unref();
    this.held.set(id, { item, timer });
  }

  has(id: string): boolean {
    return this.held.has(id);
  }

  /** Removes and returns the held item (clearing its timer); undefined when it is not held. */
  take(id: string): T | undefined {
    const entry = this.held.get(id);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.held.delete(id);
    return entry.item;
  }

  /** Removes and returns every held item, oldest first. */
  takeAll(): T[] {
    return [...this.held.keys()].flatMap((id) => {
      const item = this.take(id);
      return item === undefined ? [] : [item];
    });
  }
}

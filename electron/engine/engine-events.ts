import type { EngineEvent } from '../../shared/contract/index.js';

export type EventListener = (event: EngineEvent) => void;

/** The engine's event subscribers (the control API's event stream, the desktop shell); one that throws is logged. */
export class EngineEvents {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly log: (line: string) => void) {}

  /** Whether anyone listens: events are only built when someone does (the hot path with no UI attached stays lean). */
  get listened(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.log(`event listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

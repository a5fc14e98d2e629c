import { ControlApiError } from '../api/control-client.js';
import { getState, type Notice, setState } from './app-store.js';

let nextId = 1;

/**
 * A short message on the line below the panes; errors stay longer, and so may a message that needs reading (`ms`) or one with an
 * action (Undo).
 */
export function notify(kind: Notice['kind'], text: string, ms?: number, action?: Notice['action']): void {
  const id = nextId++;
  const notice: Notice = action ? { id, kind, text, action } : { id, kind, text };
  setState({ notices: [...getState().notices, notice].slice(-4) });
  setTimeout(() => dismissNotice(id), ms ?? (kind === 'error' ? 8000 : action ? 10_000 : 3500));
}

export function dismissNotice(id: number): void {
  setState({ notices: getState().notices.filter((n) => n.id !== id) });
}

export function errorText(error: unknown): string {
  if (error instanceof ControlApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

import { ControlApiError } from '../api/control-client.js';
import { getState, type Notice, setState } from './app-store.js';

let nextId = 1;

/** A short message in the corner; errors stay longer, and so may a message that needs reading (`ms`). */
export function notify(kind: Notice['kind'], text: string, ms?: number): void {
  const id = nextId++;
  setState({ notices: [...getState().notices, { id, kind, text }].slice(-4) });
  setTimeout(() => dismissNotice(id), ms ?? (kind === 'error' ? 8000 : 3500));
}

export function dismissNotice(id: number): void {
  setState({ notices: getState().notices.filter((n) => n.id !== id) });
}

export function errorText(error: unknown): string {
  if (error instanceof ControlApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Dialect, ReplayReport } from '../../../shared/contract/index.js';
import { getState } from '../store/app-store.js';

/** What the "Send to backend" editor starts from: a capture's or a sample's command and body. */
export interface SendSeed {
  dialect: Dialect;
  command: string;
  bodyText: string;
}

/** State of the send and replay dialogs, apart from the main store: nothing else reads it. */
export interface PlayState {
  send: SendSeed | null;
  sending: boolean;
  sendError: string | null;
  replayOpen: boolean;
  replaying: boolean;
  replayError: string | null;
  report: ReplayReport | null;
  /** The replay item whose answers are compared (recorded capture id). */
  reportSelected: string | null;
}

export const playStore = createStore<PlayState>()(() => ({
  send: null,
  sending: false,
  sendError: null,
  replayOpen: false,
  replaying: false,
  replayError: null,
  report: null,
  reportSelected: null,
}));

export function usePlay<T>(selector: (state: PlayState) => T): T {
  return useStore(playStore, selector);
}

const URL_KEY = 'callback-inspector.backend-url';

/**
 * The backend URL last used, kept in the browser so send and replay remember it across runs; before the first
 * use, the upstream backend when one is set (a made-up :8080 address would only be refused).
 */
export function rememberedUrl(): string {
  const fallback = getState().settings?.upstream.url ?? 'http://127.0.0.1:8080/callback';
  try {
    return localStorage.getItem(URL_KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

export function rememberUrl(url: string): void {
  try {
    localStorage.setItem(URL_KEY, url);
  } catch {
    // Storage can be unavailable (private mode): the URL is then only kept for this page.
  }
}

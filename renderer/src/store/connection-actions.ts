import { eventsUrl } from '../api/connection.js';
import { ControlApiError } from '../api/control-client.js';
import { EventStream } from '../api/event-stream.js';
import { type AppState, appStore, getState, setState } from './app-store.js';
import { client, connectionConfig } from './client-ref.js';
import { errorText } from './notices.js';
import { abortLoads, applyEvents, reloadAll } from './session-actions.js';

let stream: EventStream | null = null;
/** The engine answered 401 to this page's token: retrying alone will not help, so the banner says what will. */
let tokenRefused = false;

export const TOKEN_REFUSED_MESSAGE =
  "The engine refused this page's access token: it was restarted with a new one (--new-token or --token). " +
  'Open the UI address the engine printed when it started (the line "UI: http://…/?token=…"), ' +
  'or take the token from the file control-token in its data dir.';

/** A WebSocket refused at the upgrade only says "closed": ask an API route why (401 = the token). */
async function probeToken(): Promise<void> {
  try {
    await client().health();
    tokenRefused = false;
  } catch (error) {
    if (!(error instanceof ControlApiError) || error.status !== 401) return;
    tokenRefused = true;
    if (getState().connection === 'disconnected') setState({ connectionError: TOKEN_REFUSED_MESSAGE });
  }
}

/** Opens the event stream; every (re)connect refetches captures, rules and settings. */
export function startConnection(): void {
  stream?.stop();
  const config = connectionConfig();
  if (config.token === '') {
    setState({
      connection: 'disconnected',
      connectionError:
        'No access token: open the UI address the engine printed when it started (the line "UI: http://…/?token=…").',
    });
    return;
  }
  stream = new EventStream(eventsUrl(config), {
    onOpen: () => {
      tokenRefused = false;
      setState({ connection: 'connected', connectionError: null });
      void reloadWithRetry();
    },
    onClose: (reason, retryInMs) => {
      abortLoads();
      setState({
        connection: 'disconnected',
        connectionError: tokenRefused
          ? TOKEN_REFUSED_MESSAGE
          : `${reason}; retrying in ${Math.ceil(retryInMs / 1000)} s…`,
      });
      void probeToken();
    },
    onEvents: applyEvents,
  });
  stream.start();
}

async function reloadWithRetry(): Promise<void> {
  // Bounded: the socket closing ends the attempt anyway, and the next open starts a fresh one.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await reloadAll();
      return;
    } catch (error) {
      if (getState().connection !== 'connected') return;
      setState({ connectionError: `Loading from the engine failed: ${errorText(error)}` });
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
}

export type AppReadiness = 'ready' | 'connecting' | 'disconnected';

export function readiness(state: Pick<AppState, 'connection' | 'loaded'>): AppReadiness {
  if (state.connection === 'disconnected') return 'disconnected';
  return state.connection === 'connected' && state.loaded ? 'ready' : 'connecting';
}

/** Mirrors readiness onto <html data-app-state> for tests and styling. */
export function mirrorReadiness(root: HTMLElement): () => void {
  const write = (state: AppState): void => {
    const value = readiness(state);
    if (root.dataset.appState !== value) root.dataset.appState = value;
  };
  write(getState());
  return appStore.subscribe(write);
}

import type { Decision } from '../../../shared/contract/index.js';
import { ControlApiError } from '../api/control-client.js';
import { getState, setState } from './app-store.js';
import { client } from './client-ref.js';
import { errorText } from './notices.js';
import { refreshSelected } from './selection-actions.js';

/** Answers the selected held request with an exact answer (the backend's proposal, as is or edited). */
export async function sendExactAnswer(raw: NonNullable<Decision['raw']>): Promise<string | null> {
  const selected = getState().selected;
  if (!selected) return 'Nothing is selected.';
  try {
    // `verdict` is required by the contract; with `raw` the engine sends exactly the raw answer.
    await client().decide(selected.id, { verdict: 'allow', raw });
    refreshSelected();
    return null;
  } catch (error) {
    refreshSelected();
    return error instanceof ControlApiError && error.status === 409
      ? 'Already answered (timeout?): the request was no longer held.'
      : `Could not send the answer: ${errorText(error)}`;
  }
}

/** Sets (or with null clears) the upstream URL; the engine's reason at `upstream.url` when it refuses, else null. */
export async function saveUpstreamUrl(url: string | null): Promise<string | null> {
  try {
    setState({ settings: await client().patchSettings({ upstream: { url } }) });
    return null;
  } catch (error) {
    if (error instanceof ControlApiError && Array.isArray(error.details)) {
      // The engine's 400 details are [{ path, message }] (checked field by field below).
      const detail = (error.details as { path?: unknown; message?: unknown }[]).find((d) => d.path === 'upstream.url');
      if (typeof detail?.message === 'string') return detail.message;
    }
    return `Not saved: ${errorText(error)}`;
  }
}

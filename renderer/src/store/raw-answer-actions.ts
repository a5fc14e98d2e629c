import type { Decision } from '../../../shared/contract/index.js';
import { ControlApiError } from '../api/control-client.js';
import { getState } from './app-store.js';
import { client } from './client-ref.js';
import { errorText } from './notices.js';
import { refreshSelected } from './selection-actions.js';

/**
 * Sends an exact answer (Decision.raw) for the selected held request — from the raw answer editor or a backend's
 * proposal, as is or edited; the error text to show, or null.
 */
export async function sendRawAnswer(raw: NonNullable<Decision['raw']>): Promise<string | null> {
  const selected = getState().selected;
  if (!selected) return 'Nothing is selected.';
  try {
    // `verdict` is required by the contract; with `raw` the engine sends the raw answer and ignores the rest.
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

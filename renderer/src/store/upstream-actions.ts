import { ControlApiError } from '../api/control-client.js';
import { setState } from './app-store.js';
import { client } from './client-ref.js';
import { errorText } from './notices.js';

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

import type { OpenImProfile } from '../../../contract/settings.js';

/** One hand-written server body (see server-bodies.ts); its own file so the body tables import no table list. */
export interface ServerBody {
  command: string;
  profile: OpenImProfile;
  source: string;
  /** The exact body bytes. */
  text: string;
  wrong: { field: string; value: unknown };
}

/** The trailing newline of v3.7+ bodies (json.Encoder); v3.0–v3.6 bodies (json.Marshal) have none. */
export const NL = '\n';

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

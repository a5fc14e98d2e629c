import { FRIEND_BODIES } from './bodies-friend.js';
import { GROUP_BODIES } from './bodies-group.js';
import { LEGACY_BODIES } from './bodies-legacy.js';
import { MESSAGE_BODIES } from './bodies-message.js';
import { USER_BODIES } from './bodies-user.js';
import type { ServerBody } from './server-body.js';

export type { ServerBody };

/**
 * Request bodies exactly as OpenIM servers write them, hand-written from each tag's Go structs (key order = struct
 * field order, embedded structs flattened in place, nil slices and nil pointers `null`, no omitempty; v3.0–v3.6 encode
 * with json.Marshal (no trailing newline), v3.7+ with json.Encoder (trailing "\n")). Never generated from the
 * catalogue: they are what the catalogue is checked against. `wrong` names one field and a value of the wrong JSON type.
 * Tags and files are in openimsdk/open-im-server unless said otherwise.
 */

export const SERVER_BODIES: readonly ServerBody[] = [
  ...FRIEND_BODIES,
  ...MESSAGE_BODIES,
  ...USER_BODIES,
  ...GROUP_BODIES,
  ...LEGACY_BODIES,
];

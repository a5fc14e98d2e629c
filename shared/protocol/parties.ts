import type { CommandInfo, FieldSpec } from './types.js';

/**
 * Request fields that name a party (a user or a group) in either dialect, by wire name. With a command's catalogue
 * fields they give the paths a "decide ahead" rule matches on: the same command between the same parties. Message
 * fields (`reqMsg`, `AddWording`), the requester (`Requester_Account`, the app admin when an admin adds friends)
 * and the command name itself are not parties.
 */
const PARTY_FIELDS: ReadonlySet<string> = new Set([
  // OpenIM
  'fromUserID',
  'toUserID',
  'ownerUserID',
  'friendUserID',
  'blackUserID',
  'userID',
  'sendID',
  'recvID',
  'groupID',
  // Tencent
  'From_Account',
  'To_Account',
  'Operator_Account',
  'GroupId',
]);

function collect(fields: readonly FieldSpec[], prefix: string, out: string[]): void {
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    if (field.type === 'string' && PARTY_FIELDS.has(field.name)) out.push(path);
    if (field.items) collect(field.items, `${path}[].`, out);
  }
}

/** The condition paths that name the parties of a command (`fromUserID`, `FriendItem[].To_Account`), in order. */
export function partyPaths(info: CommandInfo): string[] {
  const out: string[] = [];
  collect(info.fields, '', out);
  return out;
}

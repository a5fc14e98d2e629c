import type { OpenImCommand, OpenImRow } from '../row.js';
import { BLOCKLIST } from './blocklist.js';
import { CONVERSATION } from './conversation.js';
import { FRIEND } from './friend.js';
import { GROUP } from './group.js';
import { MESSAGE } from './message.js';
import { PUSH } from './push.js';
import { STATUS, USER } from './user.js';

/** Every OpenIM table, relationship first (the order of menus and samples). Adding a command is adding a row. */
export const OPENIM_ROWS: readonly OpenImRow[] = [
  ...FRIEND,
  ...BLOCKLIST,
  ...MESSAGE,
  ...PUSH,
  ...USER,
  ...STATUS,
  ...GROUP,
  ...CONVERSATION,
];

function entry(row: OpenImRow): OpenImCommand {
  const { fields, answer, legacyNames: _l, sends: _s, wire: _w, urlQuery: _u, denyCodes: _d, hooks: _h, ...rest } = row;
  const sample =
    row.sample === undefined || Object.hasOwn(row.sample, 'callbackCommand')
      ? row.sample
      : { callbackCommand: row.name, ...row.sample };
  return {
    ...rest,
    ...(sample === undefined ? {} : { sample }),
    dialect: 'openim',
    modelled: fields !== undefined,
    fields: fields ?? [],
    answer: answer ?? [],
    responseFields: (answer ?? []).map((a) => a.name),
    row,
  };
}

/**
 * A legacy name keeps the current command's fields, so an old server's callback is still validated (the body shape
 * did not change with the rename), but it is marked legacy and points at the new name.
 */
function legacyEntry(current: OpenImCommand, name: string): OpenImCommand {
  const { sample: _sample, configKey: _configKey, ...rest } = current;
  return { ...rest, name, title: `${current.title} (legacy name)`, legacy: true, renamedTo: current.name };
}

const current = OPENIM_ROWS.map(entry);

/** Every OpenIM command: current names first, then the names older servers used. */
export const OPENIM_COMMANDS: readonly OpenImCommand[] = [
  ...current,
  ...current.flatMap((c) => (c.row.legacyNames ?? []).map((l) => legacyEntry(c, l.name))),
];

const byName = new Map<string, OpenImCommand>(OPENIM_COMMANDS.map((c) => [c.name, c]));

/** Exact look-up of an OpenIM command (a current or a legacy name). A Map, built once: it runs on every callback. */
export const openimCommand = (name: string): OpenImCommand | undefined => byName.get(name);

import type { LegacyName, OpenImCommand, OpenImRow } from '../row.js';
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

/**
 * The sample with `callbackCommand` added and its keys in the struct's order, the order Go writes them (message
 * bodies lead with `sendID`, create-group with `operationID`); keys the struct lacks keep their place after.
 */
function inStructOrder(row: OpenImRow, sample: Record<string, unknown>): Record<string, unknown> {
  const given: Record<string, unknown> = { callbackCommand: row.name, ...sample };
  const out: Record<string, unknown> = {};
  for (const field of row.fields ?? []) if (Object.hasOwn(given, field.name)) out[field.name] = given[field.name];
  for (const [key, value] of Object.entries(given)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

function entry(row: OpenImRow): OpenImCommand {
  const {
    fields,
    answer,
    legacyNames: _l,
    sends: _s,
    wire: _w,
    urlQuery: _u,
    denyCodes: _d,
    hooks: _h,
    oldConfigKey: _o,
    ...rest
  } = row;
  const sample = row.sample === undefined ? undefined : inStructOrder(row, row.sample);
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
function legacyEntry(current: OpenImCommand, legacy: LegacyName): OpenImCommand {
  const { sample: _sample, configKey: _configKey, ...rest } = current;
  const { name, fields, answer } = legacy;
  return {
    ...rest,
    ...(fields === undefined ? {} : { fields }),
    ...(answer === undefined ? {} : { answer, responseFields: answer.map((a) => a.name) }),
    name,
    title: `${current.title} (legacy name)`,
    legacy: true,
    renamedTo: current.name,
  };
}

const current = OPENIM_ROWS.map(entry);

/** Every OpenIM command: current names first, then the names older servers used. */
export const OPENIM_COMMANDS: readonly OpenImCommand[] = [
  ...current,
  ...current.flatMap((c) => (c.row.legacyNames ?? []).map((l) => legacyEntry(c, l))),
];

const byName = new Map<string, OpenImCommand>(OPENIM_COMMANDS.map((c) => [c.name, c]));

/** Exact look-up of an OpenIM command (a current or a legacy name). A Map, built once: it runs on every callback. */
export const openimCommand = (name: string): OpenImCommand | undefined => byName.get(name);

import { goJson, isObject, own } from '../json.js';
import type { FieldType, ServerProfile } from '../types.js';
import { openimCommand } from './catalogue/index.js';

/**
 * The request body an OpenIM server version writes (protocols.md A.1, A.4.13): the command's Go struct serialised
 * by encoding/json, with the version's struct (the row's `wire`) where it differs.
 */

/** Go's zero value of a struct field, as encoding/json writes it (nil slices and maps become `null`). */
const ZERO: Record<FieldType, unknown> = {
  string: '',
  number: 0,
  boolean: false,
  'string[]': null,
  object: null,
  'object[]': null,
};

/**
 * The body the way the server's Go struct serialises it (A.1): every field present in struct order (a field the
 * caller left out goes out as its zero value; `callbackCommand` is the command), then any keys the struct does not
 * have, kept so nothing the caller wrote is lost. Uncatalogued commands and non-object bodies go out as given.
 */
function goStructBody(command: string, body: unknown): unknown {
  const info = openimCommand(command);
  if (!info?.modelled || !isObject(body)) return body;
  const out: Record<string, unknown> = {};
  for (const field of info.fields) {
    const value = own(body, field.name);
    out[field.name] = value !== undefined ? value : field.name === 'callbackCommand' ? command : ZERO[field.type];
  }
  for (const [key, value] of Object.entries(body)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

/** A body naming the current command, renamed to the name the older server sends. */
function renamed(body: unknown, from: string, to: string): unknown {
  if (from === to || !isObject(body) || own(body, 'callbackCommand') !== from) return body;
  return { ...body, callbackCommand: to };
}

/**
 * OpenIM v3.0–v3.4.0 structs carry `operationID` in the body, right after `callbackCommand` (A.4.13, A.2). A field
 * that version's struct does not have (the row's `wire` says so: before-add-friend's `ex` arrives in v3.4.2) is sent
 * only when the caller wrote it.
 */
function legacyBody(command: string, body: unknown, given: unknown, operationId: string): unknown {
  if (!isObject(body)) return body;
  const old = openimCommand(command)?.row.wire?.['v3.0-v3.4.0']?.fields;
  const out: Record<string, unknown> = {};
  if (Object.hasOwn(body, 'callbackCommand')) out.callbackCommand = body.callbackCommand;
  out.operationID = own(body, 'operationID') ?? operationId;
  for (const [key, value] of Object.entries(body)) {
    if (old !== undefined && !old.some((f) => f.name === key) && own(given, key) === undefined) continue;
    if (key !== 'callbackCommand' && key !== 'operationID') out[key] = value;
  }
  return out;
}

/**
 * The name this server version sends for a command: before v3.7 several commands had other names (set-remark had no
 * `Command` suffix; A.4.13, A.5 legacy list): the row's first legacy name.
 */
export function serverCommandName(command: string, profile: ServerProfile): string {
  if (profile.dialect !== 'openim' || profile.version === 'v3.7+') return command;
  const info = openimCommand(command);
  if (!info || info.legacy) return command;
  return info.row.legacyNames?.[0]?.name ?? command;
}

/** The body text the chosen version writes for this command (`command` is the version's name for it). */
export function openImBodyText(
  command: string,
  given: string,
  body: unknown,
  legacy: boolean,
  operationId: string,
): string {
  const shaped = goStructBody(command, renamed(body, given, command));
  return goJson(legacy ? legacyBody(command, shaped, body, operationId) : shaped);
}

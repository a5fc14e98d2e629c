import type { OpenImProfile } from '../../contract/settings.js';
import { goJson, isObject, own } from '../json.js';
import type { FieldSpec, FieldType, ServerProfile } from '../types.js';
import { openimCommand } from './catalogue/index.js';
import { structFor } from './struct.js';

/**
 * The request body an OpenIM server version writes (protocols.md A.1, A.6): the command's Go struct for that version
 * (the row's `wire`, or a legacy name's own struct) serialised by encoding/json — every field in struct order, only
 * the struct's fields, `callbackCommand` the version's name; v3.0–v3.6 use json.Marshal (no trailing newline),
 * v3.7+ json.Encoder (a trailing "\n") — pkg/common/http/http_client.go ≤ v3.6, openimsdk/tools utils/httputil v3.7+.
 */

/** Go's zero value of a struct field, as encoding/json writes it (nil slices, maps and pointers become `null`). */
const ZERO: Record<FieldType, unknown> = {
  string: '',
  number: 0,
  boolean: false,
  'string[]': null,
  'number[]': null,
  object: null,
  'object[]': null,
};

function zeroOf(field: FieldSpec, operationId: string): unknown {
  if (field.always !== undefined) return field.always.value;
  if (field.name === 'operationID') return operationId;
  return field.nullable ? null : ZERO[field.type];
}

/**
 * The struct's JSON: a field the caller left out goes out as its zero value, except an optional one (the keys of an
 * embedded nil pointer, a field a later tag added), which is left out as the server leaves it out. Keys the struct
 * does not have are dropped: the server cannot send them.
 */
function goStruct(fields: FieldSpec[], command: string, body: unknown, operationId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.name === 'callbackCommand') {
      out.callbackCommand = command;
      continue;
    }
    const value = own(body, field.name);
    if (value !== undefined) out[field.name] = value;
    else if (field.required) out[field.name] = zeroOf(field, operationId);
  }
  return out;
}

/** Whether `name` is sent by this version (under that very name). */
function sentAs(name: string, profile: OpenImProfile): boolean {
  const info = openimCommand(name);
  if (!info) return false;
  const profiles = info.legacy
    ? info.row.legacyNames?.find((l) => l.name === name)?.profiles
    : info.row.sends?.profiles;
  return profiles === undefined || profiles.includes(profile);
}

/**
 * The name this server version sends for a command (current or legacy name given): the given name when that version
 * sends it, else the row's name for that version (set-remark had no `Command` suffix before v3.7; the transfer-owner
 * callback had three names), else the given name.
 */
export function serverCommandName(command: string, profile: ServerProfile): string {
  if (profile.dialect !== 'openim') return command;
  const info = openimCommand(command);
  if (!info || sentAs(command, profile.version)) return command;
  const row = info.row;
  if (sentAs(row.name, profile.version)) return row.name;
  return row.legacyNames?.find((l) => l.profiles?.includes(profile.version))?.name ?? command;
}

/** The body text the chosen version writes for this command (`command` is the version's name for it). */
export function openImBodyText(command: string, body: unknown, profile: OpenImProfile, operationId: string): string {
  const info = openimCommand(command);
  const text =
    info?.modelled && isObject(body)
      ? goJson(goStruct(structFor(info, profile), command, body, operationId))
      : goJson(body);
  // json.Marshal (≤ v3.6) writes no newline; json.Encoder (v3.7+) ends with one.
  return profile === 'v3.7+' ? text : text.slice(0, -1);
}

/**
 * main's after-send message callbacks add `?key=<base64 of json {sendID, recvID, groupID}>`
 * (internal/rpc/msg/callback.go buildKeyMsgDataQuery, pkg/apistruct/manage.go KeyMsgData): the row's `urlQuery`.
 */
export function openImUrlQuery(command: string, body: unknown, profile: OpenImProfile): string {
  const info = openimCommand(command);
  if (profile !== 'v3.7+' || !info?.row.urlQuery?.includes('key')) return '';
  const text = (key: string) => {
    const v = own(body, key);
    return typeof v === 'string' ? v : '';
  };
  const json = goJson({ sendID: text('sendID'), recvID: text('recvID'), groupID: text('groupID') }).slice(0, -1);
  return `key=${encodeURIComponent(base64(json))}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The UTF-8 bytes of a string (shared/ has no TextEncoder typings). */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0xfffd;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

/** Standard base64 (Go's base64.StdEncoding) of the UTF-8 bytes. */
function base64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? B64.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? B64.charAt(n & 63) : '=';
  }
  return out;
}

import type { Finding } from '../contract/capture.js';
import { own, ownString } from './json.js';
import { tencentTargets } from './tencent/answer.js';
import type { CommandInfo, FieldSpec, Identification, Summary } from './types.js';

const MAX_LIST = 5;
const MAX_TEXT = 200;

const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** "a, b, c +2 more": keeps the table cell short on huge lists. */
function listText(items: string[]): string {
  const shown = items.slice(0, MAX_LIST).join(', ');
  return items.length > MAX_LIST ? `${shown} +${items.length - MAX_LIST} more` : shown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const arrow = (from: string | undefined, to: string): string => (from || to ? `${from ?? '?'} → ${to || '?'}` : '');

function itemsOf(body: unknown, listKey: string, field: string): string[] {
  const list = own(body, listKey);
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const v = own(item, field);
    if (typeof v === 'string') out.push(v);
  }
  return out;
}

function openIm(body: unknown): Summary {
  const from = ownString(body, 'fromUserID') ?? ownString(body, 'ownerUserID') ?? ownString(body, 'userID');
  const ids = strings(own(body, 'friendUserIDs'));
  const single =
    ownString(body, 'toUserID') ??
    // Agree callbacks: `blackUserID` is the user who agrees (A.4.3), so applicant → agreeing user.
    ownString(body, 'blackUserID') ??
    ownString(body, 'friendUserID') ??
    ownString(body, 'recvID') ??
    ownString(body, 'groupID') ??
    '';
  const to = Array.isArray(own(body, 'friendUserIDs')) ? listText(ids) : single;
  let text = ownString(body, 'reqMsg') ?? ownString(body, 'HandleMsg') ?? ownString(body, 'remark') ?? '';
  if (Array.isArray(own(body, 'friendUserIDs'))) text = `${ids.length} friend${ids.length === 1 ? '' : 's'}`;
  return { parties: arrow(from, to), text: clip(text), targets: [] };
}

function tencent(id: Identification, body: unknown): Summary {
  const targets = tencentTargets(id.command, body);
  const from = ownString(body, 'From_Account');
  if (targets.length > 0 || own(body, 'FriendItem') !== undefined || own(body, 'ResponseFriendItem') !== undefined) {
    const wordings = itemsOf(body, 'FriendItem', 'AddWording').filter((w) => w !== '');
    const actions = itemsOf(body, 'ResponseFriendItem', 'ResponseAction').map((a) => a.replace('Response_Action_', ''));
    return {
      parties: arrow(from, listText(targets)),
      text: clip((wordings.length ? wordings : actions).join(' | ')),
      targets,
    };
  }
  const pairs = own(body, 'PairList');
  if (Array.isArray(pairs)) {
    const froms = [...new Set(itemsOf(body, 'PairList', 'From_Account'))];
    const tos = itemsOf(body, 'PairList', 'To_Account');
    const parties = froms.length <= 1 ? arrow(froms[0], listText(tos)) : `${listText(froms)} → ${listText(tos)}`;
    const cmd = ownString(body, 'ClientCmd');
    const text = `${pairs.length} pair${pairs.length === 1 ? '' : 's'}${cmd ? ` (${cmd})` : ''}`;
    return { parties, text, targets: [] };
  }
  const to = ownString(body, 'To_Account') ?? listText(strings(own(body, 'To_Account')));
  const tags = itemsOf(body, 'ProfileItem', 'Tag');
  return { parties: arrow(from ?? ownString(body, 'Operator_Account'), to), text: clip(tags.join(', ')), targets: [] };
}

/** Who → whom and the key text of a request, for the capture list. Never throws on garbage. */
export function summarize(id: Identification, body: unknown): Summary {
  try {
    return id.dialect === 'tencent' ? tencent(id, body) : openIm(body);
  } catch {
    // Own-property reads cannot throw on parsed JSON; this guards objects built elsewhere (getters, proxies).
    return { parties: '', text: '', targets: [] };
  }
}

/** Row labels for the checks a person must not miss in the table (Tencent authentication above all). */
const ROW_LABELS: Record<string, string> = {
  'sign-mismatch': 'Sign wrong',
  'sign-missing': 'Sign missing',
  'sign-uppercase': 'Sign upper-case',
  'sdkappid-mismatch': 'SdkAppid wrong',
  'sdkappid-missing': 'SdkAppid missing',
  'request-time-missing': 'RequestTime missing',
  'request-time-stale': 'RequestTime stale',
  'request-time-invalid': 'RequestTime invalid',
  'body-not-json': 'not JSON',
  'body-empty': 'empty body',
  'dialect-mix': 'dialect mix',
  'command-mismatch': 'command mismatch',
  'wrong-type': 'wrong type',
  'missing-field': 'missing field',
};

const RANK: Record<Finding['level'], number> = { error: 0, warning: 1, info: 2 };

const isAuth = (f: Finding): boolean => /^(sign|sdkappid|request-time)-/.test(f.code);

/**
 * The one check worth a short label in the table row: the most severe error, or a Tencent authentication warning
 * (SdkAppid, Sign, RequestTime), authentication first at equal severity, with how many more there are. Other
 * warnings (a missing optional-looking field) stay in the details: a badge on every such row would be noise.
 */
export function rowCheck(
  findings: readonly Finding[],
): { label: string; level: 'error' | 'warning'; more: number } | null {
  let best: Finding | undefined;
  let count = 0;
  for (const f of findings) {
    if (f.level === 'info' || (f.level === 'warning' && !isAuth(f))) continue;
    count++;
    const rank = (x: Finding) => RANK[x.level] * 2 + (isAuth(x) ? 0 : 1);
    if (!best || rank(f) < rank(best)) best = f;
  }
  if (!best || best.level === 'info') return null;
  return { label: ROW_LABELS[best.code] ?? best.code.replace(/-/g, ' '), level: best.level, more: count - 1 };
}

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

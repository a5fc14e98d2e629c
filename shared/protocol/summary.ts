import type { Finding } from '../contract/capture.js';
import { own, ownString } from './json.js';
import { visitParties } from './parties.js';
import { tencentTargets } from './tencent/answer.js';
import type { Identification, Summary } from './types.js';

const MAX_LIST = 5;
const MAX_TEXT = 200;

const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** "a, b, c +2 more": keeps the table cell short on huge lists (`uncounted`: items past those given). */
function listText(items: string[], uncounted: number): string {
  if (items.length === 1 && uncounted === 0) return items[0] as string; // the usual single target
  const shown = (items.length > MAX_LIST ? items.slice(0, MAX_LIST) : items).join(', ');
  const more = Math.max(0, items.length - MAX_LIST) + uncounted;
  return more > 0 ? `${shown} +${more} more` : shown;
}

/** "from → to" of a request, from the parties its catalogue row names (`visitParties`). */
function partiesText(id: Identification, body: unknown): string {
  // The first sender, and a set only when a second one turns up (a pair list): one runs per callback.
  let first = '';
  let others: Set<string> | null = null;
  const tos: string[] = [];
  let more = 0;
  let group = '';
  visitParties(id.dialect, id.command, body, {
    party(from, to, inGroup) {
      if (from !== '' && from !== first) {
        if (first === '') first = from;
        else {
          others ??= new Set();
          others.add(from);
        }
      }
      if (to !== '') {
        // Only the first few are shown; the rest are counted ("+7 more").
        if (tos.length <= MAX_LIST) tos.push(to);
        else more++;
      }
      group = inGroup;
    },
  });
  const to = tos.length > 0 ? listText(tos, more) : group;
  const from = others === null ? first : listText([first, ...others], 0);
  // One user and nobody else (online, profile): the user alone.
  if (to === '') return from;
  return `${from || '?'} → ${to}`;
}

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

/** The key text of an OpenIM request: the request message, the answer's message, the remark, how many friends. */
function openImText(body: unknown): string {
  const ids = own(body, 'friendUserIDs');
  if (Array.isArray(ids)) {
    const n = ids.filter((x) => typeof x === 'string').length;
    return `${n} friend${n === 1 ? '' : 's'}`;
  }
  return clip(ownString(body, 'reqMsg') ?? ownString(body, 'HandleMsg') ?? ownString(body, 'remark') ?? '');
}

/** The key text of a Tencent request: the add wordings or response actions, the pairs, the profile tags. */
function tencentText(body: unknown): string {
  if (own(body, 'FriendItem') !== undefined || own(body, 'ResponseFriendItem') !== undefined) {
    const wordings = itemsOf(body, 'FriendItem', 'AddWording').filter((w) => w !== '');
    const actions = itemsOf(body, 'ResponseFriendItem', 'ResponseAction').map((a) => a.replace('Response_Action_', ''));
    return clip((wordings.length ? wordings : actions).join(' | '));
  }
  const pairs = own(body, 'PairList');
  if (Array.isArray(pairs)) {
    const cmd = ownString(body, 'ClientCmd');
    return `${pairs.length} pair${pairs.length === 1 ? '' : 's'}${cmd ? ` (${cmd})` : ''}`;
  }
  return clip(itemsOf(body, 'ProfileItem', 'Tag').join(', '));
}

/** Who → whom and the key text of a request, for the capture list. Never throws on garbage. */
export function summarize(id: Identification, body: unknown): Summary {
  try {
    const parties = partiesText(id, body);
    if (id.dialect === 'tencent')
      return { parties, text: tencentText(body), targets: tencentTargets(id.command, body) };
    return { parties, text: openImText(body), targets: [] };
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

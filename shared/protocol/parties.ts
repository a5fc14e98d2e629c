import type { DialectOrUnknown } from '../contract/capture.js';
import type { FlowFamily } from '../contract/flow.js';
import { findCommand } from './catalogue.js';
import { own } from './json.js';
import type { CommandFamily, CommandInfo } from './types.js';

/**
 * Which flow a request joins (product.md §3 "v3 Flows"): relationship commands → the unordered pair of users,
 * messages → the group or else the 1:1 chat, group commands → the group, user and status → the user; a creation
 * whose before-callback runs before the group has an id → the creator and the name (`created` in the row).
 */
export type FlowKind = 'pair' | 'chat' | 'group' | 'user' | 'creation';

/** What `visitParties` reports; each method is optional (the summary reads parties, flows read flows). */
export interface PartyVisitor {
  /** Each relation the request names: `from` → `to` in `group` (each '' when the row or the body names none). */
  party?(from: string, to: string, group: string): void;
  /**
   * Each flow the request joins: `a ≤ b` for a pair or a chat; a group, a user: `b` is ''; a creation: `a` is the
   * name, `b` the creator or ''. `target`: the pair's other user is an entry of a per-target list (its own verdict
   * applies). `existingOnly`: join it only if it exists (an after-callback that names the creation and the new id).
   * Returning `false` stops the walk when no `party` is asked for (a hostile list of 200 000 targets).
   */
  flow?(
    kind: FlowKind,
    family: FlowFamily,
    a: string,
    b: string,
    target: string | undefined,
    existingOnly: boolean,
  ): boolean | undefined;
}

/** A row path compiled once: `PairList[].From_Account` → list `PairList`, keys `From_Account`; `Info.To_Account`. */
interface Path {
  list: string | null;
  keys: readonly string[];
}

type Rule = 'pair' | 'message' | 'group' | 'user' | null;

/** A catalogue row's `parties`, compiled for reading bodies (built once per command, on first use). */
interface Reader {
  rule: Rule;
  from: Path | null;
  to: Path | null;
  group: Path | null;
  targets: { list: string; account: string } | null;
  createdBy: Path | null;
  createdName: Path | null;
}

/** The families whose commands join a flow, and how (push, conversation and follow join none). */
const RULES: Record<CommandFamily, Rule> = {
  relationship: 'pair',
  message: 'message',
  group: 'group',
  user: 'user',
  status: 'user',
  profile: 'user',
  push: null,
  conversation: null,
  follow: null,
};

function compilePath(path: string | undefined): Path | null {
  if (path === undefined || path === '') return null;
  const at = path.indexOf('[].');
  if (at < 0) return { list: null, keys: path.split('.') };
  return { list: path.slice(0, at), keys: path.slice(at + 3).split('.') };
}

function compile(info: CommandInfo): Reader {
  const p = info.parties ?? {};
  return {
    rule: RULES[info.family],
    from: compilePath(p.from),
    to: compilePath(p.to),
    group: compilePath(p.group),
    targets: p.targets ?? null,
    createdBy: compilePath(p.created?.by),
    createdName: compilePath(p.created?.name),
  };
}

/** By command name, catalogued commands only (an unknown name is never cached: the cache stays bounded). */
const readers = new Map<string, Reader & { dialect: string }>();

function readerOf(dialect: DialectOrUnknown, command: string): Reader | undefined {
  const known = readers.get(command);
  if (known !== undefined) return known.dialect === dialect ? known : undefined;
  const info = findCommand(command, dialect);
  if (info === undefined) return undefined;
  const reader = { ...compile(info), dialect: info.dialect };
  readers.set(command, reader);
  return reader;
}

/** The value at `keys` (own properties only: `__proto__` or `constructor` in a body reads nothing). */
function at(obj: unknown, keys: readonly string[]): unknown {
  let v = obj;
  for (const key of keys) {
    v = own(v, key);
    if (v === undefined) return undefined;
  }
  return v;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One walk over one body: the reader, the visitor, the group, whether anything was reported, whether to stop. */
class Walk {
  seen = false;
  stopped = false;
  /** A group's flow is joined once per request, however many members it lists. */
  private grouped = false;
  constructor(
    readonly reader: Reader,
    readonly visitor: PartyVisitor,
    readonly group: string,
  ) {}

  emit(from: string, to: string, target: boolean): void {
    this.seen = true;
    this.visitor.party?.(from, to, this.group);
    const flow = this.visitor.flow;
    if (flow === undefined) return;
    const group = this.group;
    let go: boolean | undefined = true;
    switch (this.reader.rule) {
      case 'pair':
        if (from !== '' && to !== '') go = pair(flow, 'pair', 'relationship', from, to, target ? to : undefined);
        break;
      case 'message':
        if (group !== '') go = this.joinGroup(flow, 'message');
        else if (from !== '' && to !== '') go = pair(flow, 'chat', 'message', from, to, undefined);
        break;
      case 'group':
        if (group !== '') go = this.joinGroup(flow, 'group');
        break;
      case 'user':
        if (from !== '') go = flow('user', 'user', from, '', undefined, false);
        break;
    }
    if (go === false && this.visitor.party === undefined) this.stopped = true;
  }

  private joinGroup(flow: NonNullable<PartyVisitor['flow']>, family: FlowFamily): boolean | undefined {
    if (this.grouped) return true;
    this.grouped = true;
    return flow('group', family, this.group, '', undefined, false);
  }
}

function pair(
  flow: NonNullable<PartyVisitor['flow']>,
  kind: FlowKind,
  family: FlowFamily,
  a: string,
  b: string,
  target: string | undefined,
): boolean | undefined {
  return a <= b ? flow(kind, family, a, b, target, false) : flow(kind, family, b, a, target, false);
}

/** Every `from` → `to` relation the body names, by the row's paths. */
function walkRelations(walk: Walk, body: unknown): void {
  const { from, to, targets } = walk.reader;
  if (targets !== null) {
    const sender = from === null ? '' : text(at(body, from.keys));
    const items = own(body, targets.list);
    if (!Array.isArray(items)) return;
    for (const item of items) {
      const account = text(own(item, targets.account));
      if (account !== '') walk.emit(sender, account, true);
      if (walk.stopped) return;
    }
    return;
  }
  if (to !== null && to.list !== null) {
    // `from` and `to` in the same list pair item by item (`PairList[]`); else `from` → each item (`memberList[]`).
    const inItem = from !== null && from.list === to.list ? from.keys : null;
    const sender = from === null || inItem !== null ? '' : text(at(body, from.keys));
    const items = own(body, to.list);
    if (!Array.isArray(items)) return;
    for (const item of items) {
      walk.emit(inItem === null ? sender : text(at(item, inItem)), text(at(item, to.keys)), false);
      if (walk.stopped) return;
    }
    return;
  }
  if (from !== null && from.list !== null) {
    // Each item names one user (`users[].userID`: a registration of several users).
    const items = own(body, from.list);
    if (!Array.isArray(items)) return;
    for (const item of items) {
      walk.emit(text(at(item, from.keys)), '', false);
      if (walk.stopped) return;
    }
    return;
  }
  const sender = from === null ? '' : text(at(body, from.keys));
  const value = to === null ? undefined : at(body, to.keys);
  if (typeof value === 'string') walk.emit(sender, value, false);
  else if (Array.isArray(value)) {
    // A list of user ids (`friendUserIDs`): each is the other party.
    for (const id of value) {
      if (typeof id === 'string' && id !== '') walk.emit(sender, id, false);
      if (walk.stopped) return;
    }
  } else if (sender !== '') walk.emit(sender, '', false);
}

/** A creation's flow: new (before the id), or joined only if it exists (the after-callback, which has the id). */
function walkCreation(walk: Walk, body: unknown): void {
  const { createdName, createdBy } = walk.reader;
  const flow = walk.visitor.flow;
  if (createdName === null || flow === undefined || walk.stopped) return;
  const name = text(at(body, createdName.keys));
  const by = createdBy === null ? '' : text(at(body, createdBy.keys));
  if (name === '' || (createdBy !== null && by === '')) return;
  flow('creation', 'group', name, by, undefined, walk.group !== '');
}

/**
 * The one reader of who a request is about, by its command's catalogue row (`parties`): the summaries ("from → to"),
 * flows (which flows a capture joins) and `verify` ("in the same flow") all come through here. A command that is not
 * catalogued for this dialect names no parties. Never throws on hostile bodies; allocates only the walk.
 */
export function visitParties(
  dialect: DialectOrUnknown,
  command: string | null,
  body: unknown,
  visitor: PartyVisitor,
): void {
  if (dialect === 'unknown' || command === null || typeof body !== 'object' || body === null) return;
  const reader = readerOf(dialect, command);
  if (reader === undefined) return;
  const group = reader.group === null ? '' : text(at(body, reader.group.keys));
  const walk = new Walk(reader, visitor, group);
  // Flows only, in a group: the members listed do not change which flow it is.
  const groupOnly =
    visitor.party === undefined && group !== '' && (reader.rule === 'group' || reader.rule === 'message');
  if (!groupOnly) walkRelations(walk, body);
  if (!walk.seen && group !== '') walk.emit('', '', false);
  walkCreation(walk, body);
}

/** The condition paths that name the parties of a command (`fromUserID`, `FriendItem[].To_Account`), in order. */
export function partyPaths(info: CommandInfo): string[] {
  const p = info.parties;
  if (p === undefined) return [];
  const out: string[] = [];
  if (p.from !== undefined) out.push(p.from);
  if (p.targets !== undefined) out.push(`${p.targets.list}[].${p.targets.account}`);
  if (p.to !== undefined) out.push(p.to);
  if (p.group !== undefined) out.push(p.group);
  if (p.conversation !== undefined) out.push(p.conversation);
  return out;
}

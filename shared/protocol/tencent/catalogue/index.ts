import type { TencentCommand, TencentRow } from '../row.js';
import { C2C } from './c2c.js';
import { TENCENT_FAILURE_POLICY } from './failure.js';
import { GROUP } from './group.js';
import { GROUP_LATER } from './group-later.js';
import { GROUP_MESSAGE } from './group-message.js';
import { GROUP_PROFILE } from './group-profile.js';
import { FOLLOW, PROFILE } from './profile.js';
import { SNS } from './sns.js';
import { STATE } from './state.js';
import { TOPIC } from './topic.js';

/** Every Tencent table, relationship first (the order of menus and samples). Adding a command is adding a row. */
export const TENCENT_ROWS: readonly TencentRow[] = [
  ...SNS,
  ...C2C,
  ...GROUP_MESSAGE,
  ...GROUP,
  ...GROUP_PROFILE,
  ...GROUP_LATER,
  ...TOPIC,
  ...PROFILE,
  ...FOLLOW,
  ...STATE,
];

function entry(row: TencentRow): TencentCommand {
  const { fields, answer, denyBy: _b, denyCodes: _c, drop: _d, hooks: _h, iosPlatform: _i, ...rest } = row;
  const sample = row.sample === undefined ? undefined : { CallbackCommand: row.name, ...row.sample };
  const policy = TENCENT_FAILURE_POLICY[row.phase];
  return {
    ...rest,
    failure: row.failure ?? policy.failure,
    retry: row.retry ?? policy.retry,
    ...(sample === undefined ? {} : { sample }),
    dialect: 'tencent',
    modelled: fields !== undefined,
    fields: fields ?? [],
    answer: answer ?? [],
    responseFields: (answer ?? []).map((a) => a.name),
    row,
  };
}

export const TENCENT_COMMANDS: readonly TencentCommand[] = TENCENT_ROWS.map(entry);

const byName = new Map<string, TencentCommand>(TENCENT_COMMANDS.map((c) => [c.name, c]));

/** Exact look-up of a Tencent command. A Map, built once: it runs on every callback. */
export const tencentCommand = (name: string): TencentCommand | undefined => byName.get(name);

/** The per-target list of a before-callback that answers per target (`FriendItem` …), or undefined. */
export function targetList(name: string | null): { list: string; account: string } | undefined {
  if (name === null) return undefined;
  return byName.get(name)?.parties?.targets;
}

/** The `OptPlatform` value a command sends for a platform: iOS is `IOS` on State.StateChange (1047/34354). */
export function optPlatformFor(name: string, platform: string): string {
  if (platform.toLowerCase() !== 'ios') return platform;
  return byName.get(name)?.row.iosPlatform ?? 'iOS';
}

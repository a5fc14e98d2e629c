import type { OpenImRow } from '../row.js';

/** OpenIM user and online-status callbacks (protocols.md A.5; named only, modelled by the every-callback issue). */
export const USER: readonly OpenImRow[] = [
  { name: 'callbackBeforeUserRegisterCommand', phase: 'before', family: 'user', title: 'Before user register' },
  { name: 'callbackAfterUserRegisterCommand', phase: 'after', family: 'user', title: 'After user register' },
  { name: 'callbackBeforeUpdateUserInfoCommand', phase: 'before', family: 'user', title: 'Before update user info' },
  { name: 'callbackAfterUpdateUserInfoCommand', phase: 'after', family: 'user', title: 'After update user info' },
  {
    name: 'callbackBeforeUpdateUserInfoExCommand',
    phase: 'before',
    family: 'user',
    title: 'Before update user info (Ex)',
  },
  {
    name: 'callbackAfterUpdateUserInfoExCommand',
    phase: 'after',
    family: 'user',
    title: 'After update user info (Ex)',
  },
];

export const STATUS: readonly OpenImRow[] = [
  {
    name: 'callbackAfterUserOnlineCommand',
    phase: 'after',
    family: 'status',
    title: 'After user online',
    legacyNames: [{ name: 'callbackUserOnlineCommand' }],
  },
  {
    name: 'callbackAfterUserOfflineCommand',
    phase: 'after',
    family: 'status',
    title: 'After user offline',
    legacyNames: [{ name: 'callbackUserOfflineCommand' }],
  },
  {
    name: 'callbackAfterUserKickOffCommand',
    phase: 'after',
    family: 'status',
    title: 'After user kicked off',
    legacyNames: [{ name: 'callbackUserKickOffCommand' }],
  },
];

import type { OpenImRow } from '../row.js';

/** OpenIM group callbacks (protocols.md A.5; named only, modelled by the every-callback issue). */
export const GROUP: readonly OpenImRow[] = [
  { name: 'callbackBeforeCreateGroupCommand', phase: 'before', family: 'group', title: 'Before create group' },
  { name: 'callbackAfterCreateGroupCommand', phase: 'after', family: 'group', title: 'After create group' },
  {
    name: 'callbackBeforeMembersJoinGroupCommand',
    phase: 'before',
    family: 'group',
    title: 'Before members join group',
    legacyNames: [{ name: 'callbackBeforeMemberJoinGroupCommand' }],
  },
  { name: 'callbackBeforeJoinGroupCommand', phase: 'before', family: 'group', title: 'Before apply to join group' },
  { name: 'callbackBeforeInviteJoinGroupCommand', phase: 'before', family: 'group', title: 'Before invite to group' },
  { name: 'callbackAfterJoinGroupCommand', phase: 'after', family: 'group', title: 'After join group' },
  {
    name: 'callbackAfterQuitGroupCommand',
    phase: 'after',
    family: 'group',
    title: 'After quit group',
    legacyNames: [{ name: 'callbackQuitGroupCommand' }],
  },
  {
    name: 'callbackAfterKickGroupCommand',
    phase: 'after',
    family: 'group',
    title: 'After kick from group',
    legacyNames: [{ name: 'callbackKillGroupCommand' }],
  },
  {
    name: 'callbackAfterDisMissGroupCommand',
    phase: 'after',
    family: 'group',
    title: 'After dismiss group',
    legacyNames: [{ name: 'callbackDisMissGroupCommand' }],
  },
  {
    name: 'callbackAfterTransferGroupOwnerCommand',
    phase: 'after',
    family: 'group',
    title: 'After transfer group owner',
    legacyNames: [{ name: 'callbackAfterTransferGroupOwner' }],
  },
  { name: 'callbackBeforeSetGroupInfoCommand', phase: 'before', family: 'group', title: 'Before set group info' },
  { name: 'callbackAfterSetGroupInfoCommand', phase: 'after', family: 'group', title: 'After set group info' },
  {
    name: 'callbackBeforeSetGroupInfoExCommand',
    phase: 'before',
    family: 'group',
    title: 'Before set group info (Ex)',
  },
  { name: 'callbackAfterSetGroupInfoExCommand', phase: 'after', family: 'group', title: 'After set group info (Ex)' },
  {
    name: 'callbackBeforeSetGroupMemberInfoCommand',
    phase: 'before',
    family: 'group',
    title: 'Before set group member info',
  },
  {
    name: 'callbackAfterSetGroupMemberInfoCommand',
    phase: 'after',
    family: 'group',
    title: 'After set group member info',
  },
];

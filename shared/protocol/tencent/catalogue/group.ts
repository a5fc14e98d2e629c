import type { FieldSpec } from '../../types.js';
import { commandField, int, str, type TencentRow } from '../row.js';
import { groupEventTime, members } from './common.js';
import {
  EXAMPLE_TIME,
  GROUP_DENY,
  groupId,
  groupPage,
  groupType,
  operator,
  userDefined,
  userDefinedSample,
} from './group-fields.js';

/**
 * Group membership callbacks (create, join, leave, full), from intlcloud-documents
 * `…/第三方回调/群组系统相关回调/*_intl_en.md` (the "Groups" table of the command list, 1047/34355). Field order
 * is the page example's; fields only the table names come after them.
 */

/** A member-change body: how the change came about (`JoinType`, `ExitType`), who did it, the members it moved. */
const memberChange = (name: string, how: FieldSpec, list: FieldSpec): FieldSpec[] => [
  commandField(name),
  groupId,
  groupType,
  how,
  operator,
  list,
  groupEventTime,
];
/** The example members of an invitation, a join or an exit. */
const movedSample = (): { Member_Account: string }[] => [{ Member_Account: 'jared' }, { Member_Account: 'tommy' }];
/** The example body of a member change, in `memberChange` order. */
const memberChangeSample = (how: string, value: string, list: string): Record<string, unknown> => ({
  GroupId: '@TGS#2J4SZEAEL',
  Type: 'Public',
  [how]: value,
  Operator_Account: 'leckie',
  [list]: movedSample(),
  EventTime: EXAMPLE_TIME,
});

export const GROUP: readonly TencentRow[] = [
  {
    name: 'Group.CallbackBeforeCreateGroup',
    phase: 'before',
    family: 'group',
    title: 'Before group created',
    short: 'create group',
    subject: 'the group creation',
    configKey: 'Before a Group Is Created',
    source: groupPage('34368', '创建群组之前回调'),
    fields: [
      commandField('Group.CallbackBeforeCreateGroup'),
      operator,
      str('Owner_Account', 'UserID of the owner-to-be'),
      groupType,
      str('Name', 'group name'),
      int('CreateGroupNum', 'int32', 'groups of this type the user has already created'),
      members('MemberList', 'initial members'),
      groupEventTime,
    ],
    failure: 'console-policy',
    // No GroupId yet: the owner and the name key the flow until the after-callback brings the id.
    parties: { from: 'Operator_Account', created: { by: 'Owner_Account', name: 'Name' } },
    next: [{ command: 'Group.CallbackAfterCreateGroup', when: 'proceeds' }],
    ...GROUP_DENY,
    sample: {
      Operator_Account: 'leckie',
      Owner_Account: 'leckie',
      Type: 'Public',
      Name: 'MyFirstGroup',
      CreateGroupNum: 123,
      MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }],
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterCreateGroup',
    phase: 'after',
    family: 'group',
    title: 'After group created',
    short: 'group created',
    subject: 'the group creation',
    configKey: 'After a Group Is Created',
    source: groupPage('34369', '创建群组之后回调'),
    fields: [
      commandField('Group.CallbackAfterCreateGroup'),
      groupId,
      operator,
      str('Owner_Account', 'UserID of the owner'),
      groupType,
      str('Name', 'group name'),
      members('MemberList', 'initial members'),
      userDefined,
      groupEventTime,
    ],
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId', created: { by: 'Owner_Account', name: 'Name' } },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Operator_Account: 'group_root',
      Owner_Account: 'leckie',
      Type: 'Public',
      Name: 'MyFirstGroup',
      MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }],
      UserDefinedDataList: userDefinedSample(),
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackBeforeApplyJoinGroup',
    phase: 'before',
    family: 'group',
    title: 'Before join request',
    short: 'apply to join',
    subject: 'the join request',
    configKey: 'Before Applying to Join a Group',
    source: groupPage('34370', '申请入群之前回调'),
    fields: [
      commandField('Group.CallbackBeforeApplyJoinGroup'),
      groupId,
      groupType,
      str('Requestor_Account', 'UserID asking to join'),
      groupEventTime,
    ],
    failure: 'console-policy',
    parties: { from: 'Requestor_Account', group: 'GroupId' },
    next: [
      {
        command: 'Group.CallbackAfterNewMemberJoin',
        when: 'proceeds',
        // The page: "If a group join request requires admin approval, admin approval is still required even if 0
        // is returned in the callback."
        laterFailure:
          'the requester has not joined: a group that needs approval adds them (and sends this) only when an admin approves',
      },
    ],
    ...GROUP_DENY,
    sample: { GroupId: '@TGS#2J4SZEAEL', Type: 'Public', Requestor_Account: 'jared', EventTime: EXAMPLE_TIME },
  },
  {
    name: 'Group.CallbackBeforeInviteJoinGroup',
    phase: 'before',
    family: 'group',
    title: 'Before invite to group',
    short: 'invite to group',
    subject: 'the invitation',
    configKey: 'Before Inviting a User to a Group',
    source: groupPage('34371', '拉人入群之前回调'),
    fields: [
      commandField('Group.CallbackBeforeInviteJoinGroup'),
      groupId,
      groupType,
      str('Operator_Account', 'UserID sending the invitation'),
      members('DestinationMembers', 'users being invited'),
      groupEventTime,
    ],
    answer: [
      {
        name: 'RefusedMembers_Account',
        type: 'string[]',
        effect: 'these invitees are not added; the others are',
        applies: 'present',
        label: 'the refused invitees',
      },
    ],
    failure: 'console-policy',
    parties: { from: 'Operator_Account', group: 'GroupId' },
    next: [{ command: 'Group.CallbackAfterNewMemberJoin', when: 'proceeds' }],
    ...GROUP_DENY,
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Public',
      Operator_Account: 'leckie',
      DestinationMembers: movedSample(),
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterNewMemberJoin',
    phase: 'after',
    family: 'group',
    title: 'After member joined',
    short: 'member joined',
    subject: 'the join',
    configKey: 'After a User Joins a Group',
    source: groupPage('34372', '新成员入群之后回调'),
    fields: memberChange(
      'Group.CallbackAfterNewMemberJoin',
      str('JoinType', 'Apply (request approved) or Invited'),
      members('NewMemberList', 'members who joined'),
    ),
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId' },
    sample: memberChangeSample('JoinType', 'Apply', 'NewMemberList'),
  },
  {
    name: 'Group.CallbackAfterMemberExit',
    phase: 'after',
    family: 'group',
    title: 'After member left',
    short: 'member left',
    subject: 'the exit',
    configKey: 'After a User Leaves a Group',
    source: groupPage('34373', '群成员离开之后回调'),
    fields: memberChange(
      'Group.CallbackAfterMemberExit',
      str('ExitType', 'Kicked (removed) or Quit (left)'),
      members('ExitMemberList', 'members who left'),
    ),
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId' },
    sample: memberChangeSample('ExitType', 'Kicked', 'ExitMemberList'),
  },
  {
    name: 'Group.CallbackAfterGroupFull',
    phase: 'after',
    family: 'group',
    title: 'After group full',
    short: 'group full',
    subject: 'the join',
    configKey: 'After a Group Is Full',
    source: groupPage('34376', '群组满员之后回调'),
    fields: [commandField('Group.CallbackAfterGroupFull'), groupId, groupEventTime],
    failure: 'ignored',
    parties: { group: 'GroupId' },
    sample: { GroupId: '@TGS#2J4SZEAEL', EventTime: EXAMPLE_TIME },
  },
];

import { commandField, str, type TencentRow } from '../row.js';
import {
  GROUP_DENY,
  groupId,
  groupPage,
  operator,
  profileChange,
  userDefined,
  userDefinedSample,
} from './group-fields.js';

/**
 * Community topic callbacks (topic feature on; each shares its console switch with a group callback), from intlcloud-documents
 * `…/第三方回调/群组系统相关回调/*_intl_en.md` (the "Groups" table of the command list, 1047/34355). Field order
 * is the page example's; fields only the table names come after them.
 */
export const TOPIC: readonly TencentRow[] = [
  {
    name: 'Group.CallbackBeforeCreateTopic',
    phase: 'before',
    family: 'group',
    title: 'Before topic created',
    short: 'create topic',
    subject: 'the topic creation',
    // The topic page: this callback and the group one "use the same switch".
    configKey: 'Before a Group Is Created',
    source: groupPage('49463', '创建话题之前回调'),
    fields: [
      commandField('Group.CallbackBeforeCreateTopic'),
      operator,
      str('Type', 'group type of the topic: Community'),
      str('Name', 'topic name'),
    ],
    failure: 'console-policy',
    // Neither the topic nor its community is named yet, and the after-callback's operator may be another account
    // (the pages' examples: leckie, group_root): the name keys the flow until the after-callback.
    parties: { from: 'Operator_Account', created: { name: 'Name' } },
    next: [{ command: 'Group.CallbackAfterCreateTopic', when: 'proceeds' }],
    ...GROUP_DENY,
    sample: { Operator_Account: 'leckie', Type: 'Community', Name: 'MyFirstTopic' },
  },
  {
    name: 'Group.CallbackAfterCreateTopic',
    phase: 'after',
    family: 'group',
    title: 'After topic created',
    short: 'topic created',
    subject: 'the topic creation',
    // The topic page: this callback and the group one "use the same switch".
    configKey: 'After a Group Is Created',
    source: groupPage('49464', '创建话题之后回调'),
    fields: [
      commandField('Group.CallbackAfterCreateTopic'),
      groupId,
      str('TopicId', 'topic ID'),
      operator,
      str('Owner_Account', 'UserID of the group owner'),
      str('Type', 'group type: Community'),
      str('Name', 'topic name'),
      userDefined,
    ],
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId', created: { name: 'Name' } },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      TopicId: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_@TOPIC#cRTE3HIM62C5',
      Operator_Account: 'group_root',
      Owner_Account: 'leckie',
      Type: 'Community',
      Name: 'MyFirstTopic',
      UserDefinedDataList: userDefinedSample(),
    },
  },
  {
    name: 'Group.CallbackAfterTopicDestroyed',
    phase: 'after',
    family: 'group',
    title: 'After topic deleted',
    short: 'topic deleted',
    subject: 'the topic deletion',
    // The topic page: this callback and the group one "use the same switch".
    configKey: 'After a Group Is Disbanded',
    source: groupPage('49465', '解散话题之后回调'),
    fields: [
      commandField('Group.CallbackAfterTopicDestroyed'),
      groupId,
      str('Type', 'group type: Community'),
      {
        name: 'TopicIdList',
        type: 'string[]',
        required: true,
        description: 'deleted topic IDs (the table says String)',
      },
    ],
    failure: 'ignored',
    parties: { group: 'GroupId' },
    sample: {
      GroupId: '@TGS#_@TGS#cQVLVHIM62CJ',
      Type: 'Community',
      TopicIdList: ['@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic', '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic_1'],
    },
  },
  {
    name: 'Group.CallbackAfterTopicInfoChanged',
    phase: 'after',
    family: 'group',
    title: 'After topic profile changed',
    short: 'topic profile changed',
    subject: 'the topic profile change',
    // The topic page: this callback and the group one "use the same switch".
    configKey: 'After Group Profile Is Modified',
    source: groupPage('49466', '话题资料修改之后回调'),
    fields: [
      commandField('Group.CallbackAfterTopicInfoChanged'),
      groupId,
      str('Type', 'group type: Community'),
      operator,
      ...profileChange('topic'),
    ],
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Community',
      Operator_Account: 'leckie',
      Name: 'TestTopic',
      Introduction: 'TestIntroduction',
      Notification: 'NewNotification',
      FaceUrl: 'http://this.is.face.url',
    },
  },
];

import type { FieldSpec } from '../../types.js';
import { BEFORE_V37, type OpenImRow } from '../row.js';
import {
  commandField,
  int,
  nonEmpty,
  offlinePushInfoFields,
  operationID,
  optional,
  present,
  str,
  strs,
} from './go-types.js';

/**
 * OpenIM push callbacks, called by the push service after the message is stored and the sender has its answer.
 * Structs `pkg/callbackstruct/push.go` + common.go (UserStatusBaseCallback: callbackCommand, operationID, platformID,
 * platform), identical v3.0.0 → main; call sites `internal/push/callback.go`, `push_handler.go` (v3.7+) /
 * `push_to_client.go` (≤ v3.6). A deny or a failure makes the push handler return early: that push is skipped, the
 * message itself stays delivered to storage (research/openim/push.md).
 */

const SRC = 'open-im-server@v3.8.3 pkg/callbackstruct/push.go';

const base = (name: string): FieldSpec[] => [
  commandField(name),
  operationID(),
  int('platformID', 'int64', "sender's platform ID (Go int)"),
  str('platform', "sender's platform name (IOS, Android, Windows, OSX, Web, MiniWeb, Linux, APad, IPad, Admin)"),
];
const message = (): FieldSpec[] => [
  str('clientMsgID', 'client message ID'),
  str('sendID', 'sender'),
  str('groupID', 'group ("" for 1:1)'),
  int('contentType', 'int32', 'content type (101 text …)'),
  int('sessionType', 'int32', 'session type'),
  strs('atUserIDList', '@-mentioned users (null when none)'),
  { ...str('content', 'message content (JSON text)'), jsonString: true },
];
/** CallbackBeforePushReq; the embedded *OfflinePushInfo adds its keys only when the message has push info. */
const pushFields = (name: string, offline: boolean): FieldSpec[] => [
  ...base(name),
  strs('userIDList', 'users to push to'),
  ...(offline ? offlinePushInfoFields().map(optional) : []),
  ...message(),
];

const B_OFFLINE = 'callbackBeforeOfflinePushCommand';
const B_ONLINE = 'callbackBeforeOnlinePushCommand';
const B_GROUP = 'callbackBeforeGroupOnlinePushCommand';
const msgSample = {
  clientMsgID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  sendID: 'user123',
  groupID: '',
  contentType: 101,
  sessionType: 1,
  atUserIDList: null,
  content: '{"content":"Hello!"}',
};
const userIDList = nonEmpty('userIDList', 'string[]', 'replaces the users to push to', {
  label: 'push list',
  noun: 'user(s)',
});

export const PUSH: readonly OpenImRow[] = [
  {
    name: B_OFFLINE,
    phase: 'before',
    family: 'push',
    title: 'Before offline push',
    short: 'offline push',
    subject: 'the offline push',
    configKey: 'beforeOfflinePush',
    oldConfigKey: 'offlinePush',
    fields: pushFields(B_OFFLINE, true),
    answer: [
      userIDList,
      present(
        'offlinePushInfo',
        'object',
        'replaces the push title, text, sound and badge (title, desc, ex, iOSPushSound, iOSBadgeCount, signalInfo)',
      ),
    ],
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: 'callbackOfflinePushCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'skips',
    parties: { from: 'sendID', to: 'userIDList' },
    source: `${SRC} CallbackBeforePushReq/Resp; internal/push/callback.go webhookBeforeOfflinePush`,
    sample: {
      operationID: '1733580000000',
      platformID: 2,
      platform: 'Android',
      userIDList: ['user456'],
      title: 'Alice',
      desc: 'sent you a message',
      ex: '',
      iOSPushSound: 'default',
      iOSBadgeCount: true,
      signalInfo: '',
      ...msgSample,
    },
  },
  {
    name: B_ONLINE,
    phase: 'before',
    family: 'push',
    title: 'Before online push',
    short: 'online push',
    subject: 'the online push',
    configKey: 'beforeOnlinePush',
    oldConfigKey: 'onlinePush',
    fields: pushFields(B_ONLINE, false),
    // The answer's userIDList is parsed but never used (internal/push/callback.go webhookBeforeOnlinePush).
    answer: [],
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: 'callbackOnlinePushCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'skips',
    parties: { from: 'sendID', to: 'userIDList' },
    source: `${SRC} CallbackBeforePushReq; internal/push/callback.go webhookBeforeOnlinePush`,
    sample: { operationID: '1733580000000', platformID: 2, platform: 'Android', userIDList: ['user456'], ...msgSample },
  },
  {
    name: B_GROUP,
    phase: 'before',
    family: 'push',
    title: 'Before group online push',
    short: 'group online push',
    subject: 'the group push',
    configKey: 'beforeGroupOnlinePush',
    oldConfigKey: 'superGroupOnlinePush',
    fields: [...base(B_GROUP), ...message(), int('seq', 'int64', 'message sequence number')],
    answer: [userIDList],
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: 'callbackSuperGroupOnlinePushCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'skips',
    parties: { from: 'sendID', group: 'groupID' },
    source: `${SRC} CallbackBeforeSuperGroupOnlinePushReq; internal/push/callback.go webhookBeforeGroupOnlinePush`,
    sample: {
      operationID: '1733580000001',
      platformID: 1,
      platform: 'IOS',
      ...msgSample,
      groupID: 'group001',
      sessionType: 3,
      seq: 128,
    },
  },
];

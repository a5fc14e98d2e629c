import type { FieldSpec } from '../../types.js';
import { ALL_PROFILES, BEFORE_V37, type OpenImRow } from '../row.js';
import { commandField, int, operationID, present, str, strs } from './go-types.js';
import { MESSAGE_OTHER } from './message-read.js';

/**
 * OpenIM message send callbacks. Structs: `pkg/callbackstruct/common.go` CommonCallbackReq (embedded first, so its
 * fields lead, `callbackCommand` second and `operationID` fifth in every version) and `message.go`; call sites
 * `internal/rpc/msg/callback.go` and `send.go`/`verify.go`; main adds `internal/msgtransfer/callback.go`.
 * Research notes: research/openim/message.md. Typing messages and the webhooks.yml deniedTypes skip the call.
 */

const COMMON = 'open-im-server pkg/callbackstruct/common.go CommonCallbackReq';

/** CommonCallbackReq @ v3.8.1+, with the command in `callbackCommand`. */
const commonMsgFields = (name: string): FieldSpec[] => [
  str('sendID', 'sender user ID'),
  commandField(name),
  str('serverMsgID', 'server message ID'),
  str('clientMsgID', 'client message ID'),
  operationID(),
  int('senderPlatformID', 'int32', 'sender platform (1 iOS, 2 Android, 3 Windows, 4 macOS, 5 Web …)'),
  str('senderNickname', 'sender nickname'),
  int('sessionType', 'int32', '1 single chat, 3 group chat, 4 notification'),
  int('msgFrom', 'int32', '100 user message, 200 system message'),
  int('contentType', 'int32', '101 text, 102 picture, … (typing messages are never sent)'),
  int('status', 'int32', 'message status (1 sending)'),
  { ...int('sendTime', 'int64', 'send time, ms since epoch'), required: false, unit: 'ms', since: 'v3.8.1' },
  { ...int('createTime', 'int64', 'creation time, ms since epoch'), unit: 'ms' },
  {
    ...str('content', 'message content: JSON text such as {"content":"hi"} (a string, not an object)'),
    jsonString: true,
  },
  int('seq', 'uint32', 'sequence number (0 before the message is stored)'),
  strs('atUserList', '@-mentioned user IDs (null when none)'),
  str('faceURL', 'sender avatar URL'),
  str('ex', 'extension data'),
];

/** The same struct before v3.8.1: no `sendTime` (common.go @ v3.0.0 … v3.8.0). */
const withoutSendTime = (fields: FieldSpec[]): FieldSpec[] => fields.filter((f) => f.name !== 'sendTime');
/** v3.0 … v3.6 profiles all send the struct without `sendTime`. */
const olderWire = (fields: FieldSpec[]) => ({
  'v3.0-v3.4.0': { fields: withoutSendTime(fields) },
  'v3.4.2-v3.5': { fields: withoutSendTime(fields) },
  'v3.6': { fields: withoutSendTime(fields) },
});

const single = (name: string) => [...commonMsgFields(name), str('recvID', 'receiver user ID')];
const group = (name: string) => [...commonMsgFields(name), str('groupID', 'group ID')];

const sample = (contentType: number, content: string, extra: Record<string, unknown>) => ({
  sendID: 'user123',
  serverMsgID: '9a0364b9e99bb480dd25e1f0284c8555',
  clientMsgID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  operationID: '1733580000000',
  senderPlatformID: 2,
  senderNickname: 'Alice',
  sessionType: 'groupID' in extra ? 3 : 1,
  msgFrom: 100,
  contentType,
  status: 1,
  sendTime: 1733580000123,
  createTime: 1733580000100,
  content,
  seq: 0,
  atUserList: null,
  faceURL: '',
  ex: '',
  ...extra,
});
const TEXT = '{"content":"Hello!"}';

const B_SINGLE = 'callbackBeforeSendSingleMsgCommand';
const A_SINGLE = 'callbackAfterSendSingleMsgCommand';
const B_GROUP = 'callbackBeforeSendGroupMsgCommand';
const A_GROUP = 'callbackAfterSendGroupMsgCommand';
const MODIFY = 'callbackBeforeMsgModifyCommand';
const SAVED = 'callbackAfterMsgSaveDBCommand';

/** The message modify answer (`CallbackMsgModifyCommandResp`): pointers, copied when not null (NotNilReplace). */
const MODIFY_ANSWER = [
  present(
    'content',
    'string',
    'replaces the message content (JSON text; main rejects text that is not a JSON object)',
    {
      jsonString: true,
      label: 'content',
    },
  ),
  present('recvID', 'string', 'replaces the receiver'),
  present('groupID', 'string', 'replaces the group'),
  present('clientMsgID', 'string', 'replaces the client message ID'),
  present('serverMsgID', 'string', 'replaces the server message ID'),
  present('senderPlatformID', 'number', 'replaces the sender platform', { int: 'int32' }),
  present('senderNickname', 'string', "replaces the sender's nickname"),
  present('senderFaceURL', 'string', "replaces the sender's avatar URL"),
  present('sessionType', 'number', 'replaces the session type', { int: 'int32' }),
  present('msgFrom', 'number', 'replaces msgFrom', { int: 'int32' }),
  present('contentType', 'number', 'replaces the content type', { int: 'int32' }),
  present('status', 'number', 'replaces the status', { int: 'int32' }),
  present('options', 'object', 'replaces the message options (name → boolean)'),
  present(
    'offlinePushInfo',
    'object',
    'replaces the offline push info (title, desc, ex, iOSPushSound, iOSBadgeCount, signalInfo)',
  ),
  present('atUserIDList', 'string[]', 'replaces the @-mentioned users'),
  present('attachedInfo', 'string', 'replaces the attached info'),
  present('ex', 'string', 'replaces the extension data'),
];

const MESSAGE_SEND: readonly OpenImRow[] = [
  {
    name: B_SINGLE,
    phase: 'before',
    family: 'message',
    title: 'Before send 1:1 message',
    short: 'send 1:1 message',
    subject: 'the message',
    configKey: 'beforeSendSingleMsg',
    oldConfigKey: 'beforeSendSingleMsg',
    fields: single(B_SINGLE),
    wire: olderWire(single(B_SINGLE)),
    // CallbackBeforeSendSingleMsgResp is CommonCallbackResp alone: the answer can allow or deny, not change.
    answer: [],
    sends: { profiles: ALL_PROFILES },
    failure: 'fails-operation',
    denyCodes: { min: 5000, max: 9999 },
    parties: { from: 'sendID', to: 'recvID' },
    next: [{ command: A_SINGLE, when: 'proceeds' }],
    source: `${COMMON}; message.go CallbackBeforeSendSingleMsgReq; internal/rpc/msg/callback.go (v3.0.0:57, main:71)`,
    sample: sample(101, TEXT, { recvID: 'user456' }),
  },
  {
    name: A_SINGLE,
    phase: 'after',
    family: 'message',
    title: 'After send 1:1 message',
    short: '1:1 message sent',
    subject: 'the message',
    configKey: 'afterSendSingleMsg',
    oldConfigKey: 'afterSendSingleMsg',
    fields: single(A_SINGLE),
    wire: olderWire(single(A_SINGLE)),
    sends: { profiles: ALL_PROFILES },
    // main posts it as <url>/<command>?key=base64(json{sendID,recvID,groupID}) (buildKeyMsgDataQuery).
    urlQuery: ['key'],
    failure: 'ignored',
    parties: { from: 'sendID', to: 'recvID' },
    source: `${COMMON}; message.go CallbackAfterSendSingleMsgReq; internal/rpc/msg/callback.go webhookAfterSendSingleMsg`,
    sample: sample(101, TEXT, { recvID: 'user456' }),
  },
  {
    name: B_GROUP,
    phase: 'before',
    family: 'message',
    title: 'Before send group message',
    short: 'send group message',
    subject: 'the message',
    configKey: 'beforeSendGroupMsg',
    oldConfigKey: 'beforeSendGroupMsg',
    fields: group(B_GROUP),
    wire: olderWire(group(B_GROUP)),
    answer: [],
    sends: { profiles: ALL_PROFILES },
    failure: 'fails-operation',
    denyCodes: { min: 5000, max: 9999 },
    parties: { from: 'sendID', group: 'groupID' },
    next: [{ command: A_GROUP, when: 'proceeds' }],
    source: `${COMMON}; message.go CallbackBeforeSendGroupMsgReq; internal/rpc/msg/callback.go webhookBeforeSendGroupMsg`,
    sample: sample(101, TEXT, { groupID: 'group001' }),
  },
  {
    name: A_GROUP,
    phase: 'after',
    family: 'message',
    title: 'After send group message',
    short: 'group message sent',
    subject: 'the message',
    configKey: 'afterSendGroupMsg',
    oldConfigKey: 'afterSendGroupMsg',
    fields: group(A_GROUP),
    wire: olderWire(group(A_GROUP)),
    sends: { profiles: ALL_PROFILES },
    urlQuery: ['key'],
    failure: 'ignored',
    parties: { from: 'sendID', group: 'groupID' },
    source: `${COMMON}; message.go CallbackAfterSendGroupMsgReq; internal/rpc/msg/callback.go webhookAfterSendGroupMsg`,
    sample: sample(101, TEXT, { groupID: 'group001' }),
  },
  {
    name: MODIFY,
    phase: 'before',
    family: 'message',
    title: 'Before message modify',
    short: 'modify message',
    subject: 'the message',
    configKey: 'beforeMsgModify',
    oldConfigKey: 'msgModify',
    // CallbackMsgModifyCommandReq is CommonCallbackReq alone: no recvID or groupID. Text messages only up to v3.8.3.
    fields: commonMsgFields(MODIFY),
    wire: olderWire(commonMsgFields(MODIFY)),
    answer: MODIFY_ANSWER,
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: 'callbackMsgModifyCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'fails-operation',
    parties: { from: 'sendID' },
    source: `${COMMON}; message.go CallbackMsgModifyCommandResp; internal/rpc/msg/callback.go (v3.0.0:129, main:142)`,
    sample: sample(101, '{"content":"darn it"}', {}),
  },
  {
    name: SAVED,
    phase: 'after',
    family: 'message',
    title: 'After message saved',
    short: 'message stored',
    subject: 'the message',
    configKey: 'afterMsgSaveDB',
    fields: [
      ...commonMsgFields(SAVED),
      str('recvID', 'receiver (single chats)'),
      str('groupID', 'group (group chats)'),
    ],
    sends: { profiles: ['v3.7+'], from: 'v3.8.4' },
    urlQuery: ['key'],
    failure: 'ignored',
    parties: { from: 'sendID', to: 'recvID', group: 'groupID' },
    source:
      'open-im-server@main pkg/callbackstruct/message.go CallbackAfterMsgSaveDBReq; internal/msgtransfer/callback.go',
    sample: { ...sample(101, TEXT, { recvID: 'user456', groupID: '' }), status: 2, seq: 17 },
  },
];

/** Every message callback: send, modify, stored, read reports, revoke. */
export const MESSAGE: readonly OpenImRow[] = [...MESSAGE_SEND, ...MESSAGE_OTHER];

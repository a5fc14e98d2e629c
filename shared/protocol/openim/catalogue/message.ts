import type { FieldSpec } from '../../types.js';
import { ALL_PROFILES, commandField, int, type OpenImRow, str } from '../row.js';

/**
 * OpenIM message callbacks (protocols.md A.5, A.6). Modelled rows: `pkg/callbackstruct/common.go` (CommonCallbackReq,
 * embedded first, so its fields come first on the wire) and `pkg/callbackstruct/message.go`; call sites in
 * `internal/rpc/msg/callback.go` (typing messages and the webhooks.yml allowedTypes/deniedTypes filter skip the call).
 */

const COMMON = 'open-im-server@v3.8.3 pkg/callbackstruct/common.go CommonCallbackReq';

/** CommonCallbackReq @ v3.8.3, with the command's name in `callbackCommand`. `sendTime` exists from v3.8.1. */
const commonMsgFields = (name: string): FieldSpec[] => [
  str('sendID', 'sender user ID'),
  commandField(name),
  str('serverMsgID', 'server message ID'),
  str('clientMsgID', 'client message ID'),
  str('operationID', 'operation ID of the send API call'),
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
  { name: 'atUserList', type: 'string[]', required: true, description: '@-mentioned user IDs (null when none)' },
  str('faceURL', 'sender avatar URL'),
  str('ex', 'extension data'),
];

/** The same struct before v3.8.1: no `sendTime` (pkg/callbackstruct/common.go @ v3.0.0 … v3.8.0). */
const withoutSendTime = (fields: FieldSpec[]): FieldSpec[] => fields.filter((f) => f.name !== 'sendTime');

const beforeSingle = [...commonMsgFields('callbackBeforeSendSingleMsgCommand'), str('recvID', 'receiver user ID')];

export const MESSAGE: readonly OpenImRow[] = [
  {
    name: 'callbackBeforeSendSingleMsgCommand',
    phase: 'before',
    family: 'message',
    title: 'Before send 1:1 message',
    short: 'send 1:1 message',
    subject: 'the message',
    configKey: 'beforeSendSingleMsg',
    fields: beforeSingle,
    wire: {
      'v3.0-v3.4.0': { fields: withoutSendTime(beforeSingle) },
      'v3.4.2-v3.5': { fields: withoutSendTime(beforeSingle) },
      'v3.6': { fields: withoutSendTime(beforeSingle) },
    },
    // CallbackBeforeSendSingleMsgResp is CommonCallbackResp alone: the answer can allow or deny, not change.
    answer: [],
    sends: { profiles: ALL_PROFILES },
    failure: 'fails-operation',
    denyCodes: { min: 5000, max: 9999 },
    parties: { from: 'sendID', to: 'recvID' },
    next: [{ command: 'callbackAfterSendSingleMsgCommand', when: 'proceeds' }],
    source: `${COMMON}; pkg/callbackstruct/message.go CallbackBeforeSendSingleMsgReq; internal/rpc/msg/callback.go`,
    sample: {
      sendID: 'user123',
      callbackCommand: 'callbackBeforeSendSingleMsgCommand',
      serverMsgID: '',
      clientMsgID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      operationID: '1733580000000',
      senderPlatformID: 2,
      senderNickname: 'Alice',
      sessionType: 1,
      msgFrom: 100,
      contentType: 101,
      status: 1,
      sendTime: 1733580000123,
      createTime: 1733580000100,
      content: '{"content":"Hello!"}',
      seq: 0,
      atUserList: null,
      faceURL: '',
      ex: '',
      recvID: 'user456',
    },
  },
  { name: 'callbackAfterSendSingleMsgCommand', phase: 'after', family: 'message', title: 'After send 1:1 message' },
  {
    name: 'callbackBeforeSendGroupMsgCommand',
    phase: 'before',
    family: 'message',
    title: 'Before send group message',
    next: [{ command: 'callbackAfterSendGroupMsgCommand', when: 'proceeds' }],
  },
  { name: 'callbackAfterSendGroupMsgCommand', phase: 'after', family: 'message', title: 'After send group message' },
  {
    name: 'callbackBeforeMsgModifyCommand',
    phase: 'before',
    family: 'message',
    title: 'Before message modify',
    legacyNames: [{ name: 'callbackMsgModifyCommand' }],
  },
  { name: 'callbackAfterMsgSaveDBCommand', phase: 'after', family: 'message', title: 'After message saved' },
  {
    name: 'callbackAfterSingleMsgReadCommand',
    phase: 'after',
    family: 'message',
    title: 'After 1:1 read report',
    legacyNames: [{ name: 'callbackSingleMsgRead' }],
  },
  {
    name: 'callbackAfterGroupMsgReadCommand',
    phase: 'after',
    family: 'message',
    title: 'After group read report',
    legacyNames: [{ name: 'callbackGroupMsgReadCommand' }],
  },
  // The constant is CallbackAfterRevokeMsgCommand but the wire string really says BeforeAfter.
  { name: 'callbackBeforeAfterMsgCommand', phase: 'after', family: 'message', title: 'After message revoked' },
];

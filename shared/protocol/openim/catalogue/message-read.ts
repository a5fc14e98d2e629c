import { FROM_V342, type OpenImRow } from '../row.js';
import { commandField, int, ints, str } from './go-types.js';

/**
 * OpenIM read-report and revoke callbacks (after-callbacks: the answer is ignored). Structs
 * `pkg/callbackstruct/message.go` (CallbackSingleMsgReadReq, CallbackGroupMsgReadReq) and `revoke.go`; call sites
 * `internal/rpc/msg/as_read.go`, `revoke.go`, `callback.go`. Before v3.7 the read callbacks are gated by
 * `contentType != Text` on a field that holds the conversation type, so they are never sent in practice
 * (research/openim/message.md); they are listed for v3.7+ only.
 */

const S_READ = 'callbackAfterSingleMsgReadCommand';
const G_READ = 'callbackAfterGroupMsgReadCommand';
const REVOKED = 'callbackBeforeAfterMsgCommand';

export const MESSAGE_OTHER: readonly OpenImRow[] = [
  {
    name: S_READ,
    phase: 'after',
    family: 'message',
    title: 'After 1:1 read report',
    short: 'messages read',
    subject: 'the read report',
    configKey: 'afterSingleMsgRead',
    oldConfigKey: 'singleMsgRead',
    fields: [
      commandField(S_READ),
      str('conversationID', 'conversation ID (si_<a>_<b>)'),
      str('userID', 'user who read'),
      ints('Seqs', 'sequence numbers read (capital S on the wire)'),
      int('contentType', 'int32', 'the conversation type (1 single chat), not a message content type'),
    ],
    sends: { profiles: ['v3.7+'] },
    // v3.4.2–v3.5 declare a different struct (sendID, receiveID, contentType) that nothing sends.
    legacyNames: [{ name: 'callbackSingleMsgRead', profiles: [] }],
    failure: 'ignored',
    parties: { from: 'userID', conversation: 'conversationID' },
    source: 'open-im-server@v3.8.3 pkg/callbackstruct/message.go CallbackSingleMsgReadReq; internal/rpc/msg/as_read.go',
    sample: { conversationID: 'si_user123_user456', userID: 'user456', Seqs: [12, 13], contentType: 1 },
  },
  {
    name: G_READ,
    phase: 'after',
    family: 'message',
    title: 'After group read report',
    short: 'group messages read',
    subject: 'the read report',
    configKey: 'afterGroupMsgRead',
    oldConfigKey: 'groupMsgRead',
    fields: [
      commandField(G_READ),
      str('sendID', 'conversation owner'),
      str('receiveID', 'user who read'),
      int('unreadMsgNum', 'int64', 'the read-up-to sequence (HasReadSeq), despite the name'),
      int('contentType', 'int64', 'the conversation type (3 group chat)'),
    ],
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: 'callbackGroupMsgReadCommand', profiles: [] }],
    failure: 'ignored',
    parties: { from: 'receiveID' },
    source: 'open-im-server@v3.8.3 pkg/callbackstruct/message.go CallbackGroupMsgReadReq; internal/rpc/msg/as_read.go',
    sample: { sendID: 'user456', receiveID: 'user456', unreadMsgNum: 42, contentType: 3 },
  },
  {
    // The constant is CallbackAfterRevokeMsgCommand but the wire string really says BeforeAfter (constant.go).
    name: REVOKED,
    phase: 'after',
    family: 'message',
    title: 'After message revoked',
    short: 'message revoked',
    subject: 'the revoke',
    configKey: 'afterRevokeMsg',
    oldConfigKey: 'revokeMsgAfter',
    fields: [
      commandField(REVOKED),
      str('conversationID', 'conversation ID'),
      int('seq', 'int64', 'sequence number of the revoked message'),
      str('userID', 'user who revoked'),
    ],
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'userID', conversation: 'conversationID' },
    source: 'open-im-server@v3.8.3 pkg/callbackstruct/revoke.go CallbackAfterRevokeMsgReq; internal/rpc/msg/revoke.go',
    sample: { conversationID: 'si_user123_user456', seq: 15, userID: 'user123' },
  },
];

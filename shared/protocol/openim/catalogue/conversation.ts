import type { FieldSpec } from '../../types.js';
import type { OpenImRow } from '../row.js';
import { bool, commandField, int, present, str } from './go-types.js';

/**
 * OpenIM conversation callbacks (main only, after v3.8.3): `pkg/callbackstruct/conversation.go`,
 * `internal/rpc/conversation/callback.go`, `conversation.go:395-462`. JSON keys spell `Id` (ownerUserId,
 * conversationId, userId, groupId). research/openim/conversation.md.
 */

const SRC = 'open-im-server@main pkg/callbackstruct/conversation.go';

const fields = (name: string, group: boolean): FieldSpec[] => [
  commandField(name),
  str('ownerUserId', group ? 'never set by the server for groups: always ""' : 'owner of the conversation'),
  str('conversationId', 'conversation ID'),
  int('conversationType', 'int32', '1 single chat, 3 group chat'),
  group ? str('groupId', 'group') : str('userId', 'the other user'),
  int('recvMsgOpt', 'int32', 'receive option'),
  bool('isPinned', 'pinned'),
  bool('isPrivateChat', 'private (burn after reading) chat'),
  int('burnDuration', 'int32', 'burn duration, s'),
  int('groupAtType', 'int32', '@ type'),
  str('attachedInfo', 'attached info'),
  str('ex', 'extension data'),
];
const answer = [
  present('recvMsgOpt', 'number', 'replaces the receive option', { int: 'int32' }),
  present('isPinned', 'boolean', 'replaces pinned'),
  present('isPrivateChat', 'boolean', 'replaces private chat'),
  present('burnDuration', 'number', 'replaces the burn duration', { int: 'int32' }),
  present('groupAtType', 'number', 'replaces the @ type', { int: 'int32' }),
  present('attachedInfo', 'string', 'replaces the attached info'),
  present('ex', 'string', 'replaces the extension data'),
];
const flags = {
  recvMsgOpt: 0,
  isPinned: false,
  isPrivateChat: false,
  burnDuration: 0,
  groupAtType: 0,
  attachedInfo: '',
  ex: '',
};
const single = {
  ownerUserId: 'user123',
  conversationId: 'si_user123_user456',
  conversationType: 1,
  userId: 'user456',
  ...flags,
};
const group = { ownerUserId: '', conversationId: 'sg_group001', conversationType: 3, groupId: 'group001', ...flags };

const row = (
  name: string,
  phase: 'before' | 'after',
  isGroup: boolean,
  configKey: string,
  title: string,
  short: string,
): OpenImRow => ({
  name,
  phase,
  family: 'conversation',
  title,
  short,
  subject: 'the new conversation',
  configKey,
  fields: fields(name, isGroup),
  ...(phase === 'before' ? { answer } : {}),
  sends: { profiles: ['v3.7+'], from: 'v3.8.4' },
  failure: phase === 'before' ? 'fails-operation' : 'ignored',
  parties: isGroup
    ? { group: 'groupId', conversation: 'conversationId' }
    : { from: 'ownerUserId', to: 'userId', conversation: 'conversationId' },
  source: `${SRC}; internal/rpc/conversation/callback.go`,
  sample: isGroup ? group : single,
});

export const CONVERSATION: readonly OpenImRow[] = [
  row(
    'callbackBeforeCreateSingleChatConversationsCommand',
    'before',
    false,
    'beforeCreateSingleChatConversations',
    'Before create 1:1 conversations',
    'create 1:1 conversation',
  ),
  row(
    'callbackAfterCreateSingleChatConversationsCommand',
    'after',
    false,
    'afterCreateSingleChatConversations',
    'After create 1:1 conversations',
    '1:1 conversation created',
  ),
  row(
    'callbackBeforeCreateGroupChatConversationsCommand',
    'before',
    true,
    'beforeCreateGroupChatConversations',
    'Before create group conversations',
    'create group conversation',
  ),
  row(
    'callbackAfterCreateGroupChatConversationsCommand',
    'after',
    true,
    'afterCreateGroupChatConversations',
    'After create group conversations',
    'group conversation created',
  ),
];

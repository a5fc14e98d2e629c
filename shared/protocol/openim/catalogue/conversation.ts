import type { OpenImRow } from '../row.js';

/** OpenIM conversation callbacks (protocols.md A.5; named only, modelled by the every-callback issue). */
export const CONVERSATION: readonly OpenImRow[] = [
  {
    name: 'callbackBeforeCreateSingleChatConversationsCommand',
    phase: 'before',
    family: 'conversation',
    title: 'Before create 1:1 conversations',
  },
  {
    name: 'callbackAfterCreateSingleChatConversationsCommand',
    phase: 'after',
    family: 'conversation',
    title: 'After create 1:1 conversations',
  },
  {
    name: 'callbackBeforeCreateGroupChatConversationsCommand',
    phase: 'before',
    family: 'conversation',
    title: 'Before create group conversations',
  },
  {
    name: 'callbackAfterCreateGroupChatConversationsCommand',
    phase: 'after',
    family: 'conversation',
    title: 'After create group conversations',
  },
];

import type { OpenImRow } from '../row.js';

/** OpenIM push callbacks (protocols.md A.5; named only, modelled by the every-callback issue). */
export const PUSH: readonly OpenImRow[] = [
  {
    name: 'callbackBeforeOfflinePushCommand',
    phase: 'before',
    family: 'push',
    title: 'Before offline push',
    legacyNames: [{ name: 'callbackOfflinePushCommand' }],
  },
  {
    name: 'callbackBeforeOnlinePushCommand',
    phase: 'before',
    family: 'push',
    title: 'Before online push',
    legacyNames: [{ name: 'callbackOnlinePushCommand' }],
  },
  {
    name: 'callbackBeforeGroupOnlinePushCommand',
    phase: 'before',
    family: 'push',
    title: 'Before group online push',
    legacyNames: [{ name: 'callbackSuperGroupOnlinePushCommand' }],
  },
];

import type { TencentRow } from '../row.js';

/** Tencent online-state callbacks (named only, modelled by the every-callback issue). */
export const STATE: readonly TencentRow[] = [
  // Named in protocols.md F.10 (sends OptPlatform `IOS`); login/logout state change.
  { name: 'State.StateChange', phase: 'after', family: 'status', title: 'Online state change' },
];

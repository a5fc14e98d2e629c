import type { TencentRow } from '../row.js';

/** Tencent profile and follow callbacks (named only, modelled by the every-callback issue). */
export const PROFILE: readonly TencentRow[] = [
  { name: 'Profile.CallbackPortraitSet', phase: 'after', family: 'profile', title: 'After profile update' },
];

export const FOLLOW: readonly TencentRow[] = [
  { name: 'Follow.CallbackAfterFollowAdd', phase: 'after', family: 'follow', title: 'After follow' },
  { name: 'Follow.CallbackAfterFollowDelete', phase: 'after', family: 'follow', title: 'After unfollow' },
];

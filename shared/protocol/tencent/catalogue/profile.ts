import { commandField, int, str, type TencentRow } from '../row.js';
import { page } from './common.js';

/** Profile callback: intlcloud-documents `…/第三方回调/资料关系链相关回调/更新资料之后回调_intl_en.md`. */
export const PROFILE: readonly TencentRow[] = [
  {
    name: 'Profile.CallbackPortraitSet',
    phase: 'after',
    family: 'profile',
    title: 'After profile updated',
    short: 'profile updated',
    subject: 'the profile update',
    configKey: 'After a Profile Is Updated',
    source: page('48733', '资料关系链相关回调/更新资料之后回调_intl_en.md'),
    fields: [
      commandField('Profile.CallbackPortraitSet'),
      str('Operator_Account', 'UserID that made the change'),
      str('From_Account', 'UserID whose profile changed'),
      { ...int('EventTime', 'int64', 'when it happened'), unit: 'ms' },
      {
        name: 'ProfileItem',
        type: 'object[]',
        required: true,
        description: 'profile fields that were updated',
        items: [
          str('Tag', 'profile field, e.g. Tag_Profile_IM_Nick'),
          // `uint32/string` on the page: integer tags (Tag_Profile_IM_Level…) carry numbers.
          { ...str('Value', 'the new value'), also: 'number' },
        ],
      },
    ],
    failure: 'ignored',
    parties: { from: 'From_Account' },
    sample: {
      Operator_Account: 'id1',
      From_Account: 'id1',
      EventTime: 1656921052497,
      ProfileItem: [
        { Tag: 'Tag_Profile_IM_Nick', Value: 'nick1' },
        { Tag: 'Tag_Profile_IM_Gender', Value: 'Gender_Type_Male' },
        { Tag: 'Tag_Profile_IM_AllowType', Value: 'AllowType_Type_NeedConfirm' },
        { Tag: 'Tag_Profile_Custom_Data', Value: 'your custom data' },
      ],
    },
  },
];

/** Follow callbacks: not in the intl command list (cloud.tencent.com 269/118915, trtc.io 74357); named only. */
export const FOLLOW: readonly TencentRow[] = [
  { name: 'Follow.CallbackAfterFollowAdd', phase: 'after', family: 'follow', title: 'After follow' },
  { name: 'Follow.CallbackAfterFollowDelete', phase: 'after', family: 'follow', title: 'After unfollow' },
];

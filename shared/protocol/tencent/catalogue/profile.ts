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

/**
 * Follow callbacks (the "Follow" table of the command list, trtc.io/document/34355): pages 1047/70355 and 70356 on
 * tencentcloud.com / trtc.io, not in intlcloud-documents @ 02ec31c262. The answer is ignored.
 */
const followPage = (id: string): string =>
  `https://www.tencentcloud.com/document/product/1047/${id} (trtc.io/document/${id}; not in intlcloud-documents @ 02ec31c262)`;

export const FOLLOW: readonly TencentRow[] = [
  {
    name: 'Follow.CallbackAfterFollowAdd',
    phase: 'after',
    family: 'follow',
    title: 'After follow',
    short: 'follow',
    subject: 'the follow',
    configKey: 'After a User Is Followed',
    source: followPage('70355'),
    fields: [
      commandField('Follow.CallbackAfterFollowAdd'),
      str('From_Account', 'UserID that followed'),
      {
        name: 'FollowList',
        type: 'object[]',
        required: true,
        description: 'users now followed',
        items: [str('To_Account', 'UserID followed')],
      },
      { ...int('EventTime', 'int64', 'when it happened'), unit: 'ms' },
    ],
    parties: { from: 'From_Account', to: 'FollowList[].To_Account' },
    sample: {
      From_Account: 'UserID_001',
      FollowList: [{ To_Account: 'UserID_002' }, { To_Account: 'UserID_003' }],
      EventTime: 1702018343678,
    },
  },
  {
    name: 'Follow.CallbackAfterFollowDelete',
    phase: 'after',
    family: 'follow',
    title: 'After unfollow',
    short: 'unfollow',
    subject: 'the unfollow',
    configKey: 'After a User Is Unfollowed',
    source: followPage('70356'),
    fields: [
      commandField('Follow.CallbackAfterFollowDelete'),
      str('From_Account', 'UserID that unfollowed'),
      { name: 'To_Account', type: 'string[]', required: true, description: 'UserIDs no longer followed' },
      { ...int('EventTime', 'int64', 'when it happened'), unit: 'ms' },
    ],
    parties: { from: 'From_Account', to: 'To_Account' },
    sample: { From_Account: 'UserID_001', To_Account: ['UserID_002', 'UserID_003'], EventTime: 1702018343678 },
  },
];

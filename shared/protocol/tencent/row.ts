import type { Finding } from '../../contract/capture.js';
import { int, str } from '../fields.js';
import type { JsonObject } from '../json.js';
import type { CommandInfo, CommandRow, FieldSpec } from '../types.js';

/**
 * A Tencent Cloud Chat catalogue row: the shared row plus what Tencent's answers make necessary. Facts come from
 * each command's page (intl.cloud.tencent.com/document/product/1047/…, tencentyun/intlcloud-documents).
 */
export interface TencentRow extends CommandRow {
  /**
   * How a before-callback's answer denies: per target in `ResultItem` (Sns Prev*; targets in `parties.targets`) or
   * with `ErrorCode` on the whole answer (C2C / Group before-callbacks). Absent on after-callbacks.
   */
  denyBy?: 'result-item' | 'error-code';
  /**
   * The documented codes for a deny with a custom code: `ResultCode` 38000–39000 (Sns Prev*), `ErrorCode`
   * 120001–130000 (C2C), 10100–10200 (Group). For `error-code` rows, `ErrorCode 1` also denies.
   */
  denyCodes?: { min: number; max: number };
  /** The page documents `ErrorCode 2`: discard silently (not delivered; the sender sees success). */
  drop?: boolean;
  /**
   * How this command spells the iOS platform in the `OptPlatform` query: `IOS` for State.StateChange, `iOS` for the
   * others (Webhook Overview, 1047/34354: "IOS (all in uppercase) is used in the State.StateChange webhook").
   */
  iosPlatform?: 'IOS';
  hooks?: TencentHooks;
}

/** Behaviour a row's data cannot express; each hook names its source page in a comment. */
export interface TencentHooks {
  /** Extra request-body checks. */
  checkBody?: (body: JsonObject, out: Finding[]) => void;
}

/** A catalogue entry with its Tencent row. */
export interface TencentCommand extends CommandInfo {
  dialect: 'tencent';
  row: TencentRow;
}

/** Field helpers for the tables: a required string, a required integer (shared with OpenIM), the command key. */
export { int, str };
export const commandField = (name: string): FieldSpec => str('CallbackCommand', `always "${name}"`);
export const eventTime: FieldSpec = { ...int('EventTime', 'int64', 'milliseconds since epoch'), unit: 'ms' };

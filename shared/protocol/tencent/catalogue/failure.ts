import type { FailurePolicy, RetryPolicy } from '../../types.js';

/**
 * What Tencent does when a callback fails (timeout, no connection, HTTP status other than 200, a body that is not
 * JSON), by phase: one policy for every command of the list, from the Webhook Overview
 * (https://intl.cloud.tencent.com/document/product/1047/34354, "Webhook Timeout Period and Retry" and "Handling
 * Policy for Webhook Timeouts Before Event Occurrence"; protocols.md B.1 "Retry", "Before-callback failure policy"):
 * - before an event: never retried; the console's failure policy decides whether the event goes ahead (it does by
 *   default: fail-open);
 * - after an event: the answer is ignored; not retried by default, and the console can turn on a retry for calls that
 *   time out (so the backend can receive the same callback twice).
 * A row's own `failure` / `retry` wins over this table (none differs today).
 */
export const TENCENT_FAILURE_POLICY: Readonly<
  Record<'before' | 'after', { failure: FailurePolicy; retry: RetryPolicy }>
> = {
  before: { failure: 'console-policy', retry: 'never' },
  after: { failure: 'ignored', retry: 'console-on-timeout' },
};

import type { Finding } from '../../contract/capture.js';
import type { IncomingRequest, ValidationContext } from '../types.js';
import { constantTimeEqual, tencentSign } from './sign.js';

const q = (req: IncomingRequest, key: string): string | undefined =>
  Object.hasOwn(req.query, key) && typeof req.query[key] === 'string' ? req.query[key] : undefined;

function checkSdkAppId(req: IncomingRequest, ctx: ValidationContext, out: Finding[]): void {
  const sdkAppId = q(req, 'SdkAppid');
  if (sdkAppId === undefined) {
    out.push({
      level: 'warning',
      code: 'sdkappid-missing',
      path: 'query.SdkAppid',
      message: 'No SdkAppid in the query.',
    });
  } else if (ctx.sdkAppId !== null && sdkAppId.trim() !== String(ctx.sdkAppId)) {
    out.push({
      level: 'error',
      code: 'sdkappid-mismatch',
      path: 'query.SdkAppid',
      message: `SdkAppid ${JSON.stringify(sdkAppId)} is not the configured ${ctx.sdkAppId}.`,
    });
  }
}

function checkSign(req: IncomingRequest, ctx: ValidationContext, out: Finding[]): void {
  const sign = q(req, 'Sign');
  const requestTime = q(req, 'RequestTime');
  if (ctx.token === null) {
    if (sign !== undefined) {
      out.push({
        level: 'info',
        code: 'sign-not-checked',
        path: 'query.Sign',
        message: 'Sign present but no token is configured.',
      });
    }
    return;
  }
  if (sign === undefined) {
    out.push({
      level: 'error',
      code: 'sign-missing',
      path: 'query.Sign',
      message: 'A token is configured but the request has no Sign.',
    });
    return;
  }
  if (requestTime === undefined) {
    out.push({
      level: 'error',
      code: 'request-time-missing',
      path: 'query.RequestTime',
      message: 'Sign without RequestTime cannot be checked.',
    });
    return;
  }
  const expected = tencentSign(ctx.token, requestTime);
  if (constantTimeEqual(sign, expected)) {
    out.push({
      level: 'info',
      code: 'sign-valid',
      path: 'query.Sign',
      message: 'Sign matches sha256(token + RequestTime).',
    });
  } else if (constantTimeEqual(sign.toLowerCase(), expected)) {
    out.push({
      level: 'warning',
      code: 'sign-uppercase',
      path: 'query.Sign',
      message: 'Sign matches but is not lower-case hex.',
    });
  } else {
    out.push({
      level: 'error',
      code: 'sign-mismatch',
      path: 'query.Sign',
      message: 'Sign does not match sha256(token + RequestTime).',
    });
  }
}

function checkRequestTime(req: IncomingRequest, ctx: ValidationContext, out: Finding[]): void {
  const requestTime = q(req, 'RequestTime');
  if (requestTime === undefined) return;
  if (!/^\d{1,15}$/.test(requestTime)) {
    out.push({
      level: 'warning',
      code: 'request-time-invalid',
      path: 'query.RequestTime',
      message: 'RequestTime is not a Unix time in seconds.',
    });
    return;
  }
  // 13 digits: a millisecond timestamp. Said as such rather than "stale by 1.8e12 s" (the docs give seconds).
  if (requestTime.length >= 12) {
    const skewMs = Math.abs(ctx.nowMs - Number(requestTime));
    const near = skewMs <= ctx.maxClockSkewS * 1000 ? ' (as milliseconds it is current)' : '';
    out.push({
      level: 'warning',
      code: 'request-time-ms',
      path: 'query.RequestTime',
      message: `RequestTime ${requestTime} is in milliseconds, expected seconds${near}.`,
    });
    return;
  }
  const skewS = Math.round(Math.abs(ctx.nowMs - Number(requestTime) * 1000) / 1000);
  if (skewS > ctx.maxClockSkewS) {
    out.push({
      level: 'warning',
      code: 'request-time-stale',
      path: 'query.RequestTime',
      message: `RequestTime is ${skewS} s away from now (allowed ${ctx.maxClockSkewS} s): possible replay or clock skew.`,
    });
  }
}

/** Query-level checks of a Tencent callback: SdkAppid, Sign, freshness (protocols.md B.1). */
export function checkTencentQuery(req: IncomingRequest, ctx: ValidationContext, out: Finding[]): void {
  checkSdkAppId(req, ctx, out);
  checkSign(req, ctx, out);
  checkRequestTime(req, ctx, out);
}

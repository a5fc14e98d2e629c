import type { z } from 'zod';

/** The body of every control-API error answer. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

/** One `{ path, message }` per problem, the shape every 400 `details` uses. */
export interface ProblemDetail {
  path: string;
  message: string;
}

/**
 * A failed control-API call, on both sides: the engine's route handlers throw it and the server answers
 * `{ error: { code, message, details } }` with its status; the renderer's client throws it with what the engine
 * answered (status 0, code `network` when the engine was unreachable).
 */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ControlApiError';
  }

  toBody(): ApiError {
    const body: ApiError = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error; // 'error' in value was checked just above
  return typeof error === 'object' && error !== null && 'message' in error;
}

/** `[0].match.where[1].op`, `hold.mode`: readable and close to how people write paths. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function zodDetails(error: z.ZodError): ProblemDetail[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

import { type Capture, CaptureSchema } from '../../../shared/contract/index.js';

/** Validates one capture from a file; returns null when it does not have the Capture shape. */
export function parseCapture(input: unknown): Capture | null {
  const parsed = CaptureSchema.safeParse(input);
  if (!parsed.success) return null;
  // Optional fields a file left out come back absent, not undefined (a capture's JSON never has undefined values).
  return dropUndefined(parsed.data);
}

/** Removes `undefined`-valued keys (recursively in plain objects) so optional fields are absent, not undefined. */
export function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropUndefined) as T; // same array type, elements cleaned
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = dropUndefined(v);
  return out as T; // same keys minus undefined ones
}

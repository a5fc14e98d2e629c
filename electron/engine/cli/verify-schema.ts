import { z } from 'zod';
import { ExpectFileSchema } from '../../../shared/contract/index.js';

/** Where the repo keeps the expectation file's JSON Schema (for editors and CI linters), from the repo root. */
export const VERIFY_SCHEMA_PATH = 'schemas/verify-expect.schema.json';

/**
 * The JSON Schema of `verify`'s expectation file, generated from the zod schema the CLI and the engine validate
 * with (checks a JSON Schema cannot say — ids that `after` names, regexes that compile — stay in zod only).
 */
export function verifyJsonSchema(): string {
  const schema = z.toJSONSchema(ExpectFileSchema, { io: 'input', unrepresentable: 'any' });
  const titled = {
    ...schema,
    $id: 'https://callback-inspector.local/schemas/verify-expect.schema.json',
    title: 'Callback Inspector verify expectations',
    description: 'The file given to `callback-inspector verify EXPECT.json` and the body of POST /api/verify.',
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}

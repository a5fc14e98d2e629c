import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERIFY_SCHEMA_PATH, verifyJsonSchema } from './verify-schema.js';

const file = join(import.meta.dirname, '../../..', VERIFY_SCHEMA_PATH);

describe('the verify JSON Schema in the repo', () => {
  it('is the one generated from the zod schema (UPDATE_SCHEMA=1 rewrites it)', () => {
    const generated = verifyJsonSchema();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, generated);
    // Compared as JSON: the formatter may lay the file out differently.
    expect(
      JSON.parse(readFileSync(file, 'utf8')),
      `${VERIFY_SCHEMA_PATH} is stale: run UPDATE_SCHEMA=1 npx vitest run verify-schema`,
    ).toEqual(JSON.parse(generated));
  });

  it('describes the fields of an expectation', () => {
    const schema = JSON.parse(verifyJsonSchema()) as {
      required: string[];
      properties: Record<string, { items?: { properties?: object } }>;
    };
    expect(schema.required).toEqual(['expect']);
    expect(Object.keys(schema.properties.expect?.items?.properties ?? {})).toEqual([
      'id',
      'dialect',
      'command',
      'where',
      'count',
      'outcome',
      'decidedBy',
      'after',
      'within',
    ]);
  });
});

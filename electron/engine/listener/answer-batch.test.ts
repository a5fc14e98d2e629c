import { describe, expect, it } from 'vitest';
import { AnswerBatch } from './answer-batch.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function recorder() {
  const steps: string[] = [];
  const batch = new AnswerBatch<string>({
    write: (item) => {
      if (item === 'throws') throw new Error('boom');
      steps.push(`write ${item}`);
      return item !== 'gone';
    },
    settle: (item) => {
      if (item === 'bad-settle') throw new Error('settle boom');
      steps.push(`settle ${item}`);
    },
    writeFailed: (item) => steps.push(`failed ${item}`),
    settleFailed: (item, err) => steps.push(`settle failed ${item}: ${(err as Error).message}`), // thrown above
  });
  return { steps, batch };
}

describe('AnswerBatch', () => {
  it('writes every answer of the turn before any capture work, at the end of the turn', async () => {
    const { steps, batch } = recorder();
    batch.add('a');
    batch.add('b');
    expect(steps).toEqual([]);
    await nextTurn();
    expect(steps).toEqual(['write a', 'write b', 'settle a', 'settle b']);
  });

  it('settles only what was written; a failing write or settle does not stop the others', async () => {
    const { steps, batch } = recorder();
    for (const item of ['a', 'gone', 'throws', 'bad-settle', 'c']) batch.add(item);
    await nextTurn();
    expect(steps).toEqual([
      'write a',
      'write gone',
      'failed throws',
      'write bad-settle',
      'write c',
      'settle a',
      'settle failed bad-settle: settle boom',
      'settle c',
    ]);
  });

  it('flush answers at once (engine stopping); the end of the turn then finds nothing', async () => {
    const { steps, batch } = recorder();
    batch.add('a');
    batch.flush();
    expect(steps).toEqual(['write a', 'settle a']);
    await nextTurn();
    expect(steps).toEqual(['write a', 'settle a']);
  });
});

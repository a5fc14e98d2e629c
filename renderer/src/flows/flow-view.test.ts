import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../shared/contract/index.js';
import { gapText, partiesText, shortCommand, sortedFlows, timeline } from './flow-view.js';

const step = (captureId: string, receivedAt: number, command = 'callbackBeforeAddFriendCommand') => ({
  captureId,
  seq: Number(captureId.slice(1)),
  command,
  phase: 'before' as const,
  receivedAt,
  decidedBy: 'default' as const,
  effect: 'proceeds' as const,
  answer: 'allow',
});

const flow = (key: string, lastAt: number, extra: Partial<Flow> = {}): Flow => ({
  key,
  dialect: 'openim',
  family: 'relationship',
  parties: ['alice', 'bob'],
  firstAt: 0,
  lastAt,
  steps: [],
  stepCount: 0,
  expected: [],
  ...extra,
});

describe('flow view helpers', () => {
  it('orders flows by latest activity and names their parties', () => {
    expect(sortedFlows([flow('a', 1), flow('b', 3), flow('c', 2)]).map((f) => f.key)).toEqual(['b', 'c', 'a']);
    expect(partiesText(flow('a', 1))).toBe('alice ↔ bob');
    expect(partiesText(flow('g', 1, { parties: ['g1'], groupId: 'g1' }))).toBe('group g1');
    expect(partiesText(flow('n', 1, { parties: ['leckie'], creating: 'Team' }))).toBe('new "Team" by leckie');
    expect(partiesText(flow('t', 1, { parties: [], creating: 'Topic' }))).toBe('new "Topic"');
  });

  it('puts each expected step right after the step that predicts it, with gaps between steps', () => {
    const f = flow('a', 1, {
      steps: [step('c1', 1000), step('c2', 1250, 'callbackAfterAddFriendCommand')],
      expected: [{ command: 'x', afterCaptureId: 'c1', status: 'missing', dueAt: 0, reasons: [] }],
    });
    expect(
      timeline(f).map((i) => (i.kind === 'step' ? `${i.step.captureId} ${gapText(i.gapMs)}` : 'expected')),
    ).toEqual(['c1 ', 'expected', 'c2 +250 ms']);
    expect(gapText(1500)).toBe('+1.5 s');
  });

  it('labels commands from the catalogue, falling back to the wire name', () => {
    expect(shortCommand('callbackBeforeAddFriendCommand', 'openim')).toBe('Before add friend');
    expect(shortCommand('callbackNoSuchCommand', 'openim')).toBe('callbackNoSuchCommand');
  });
});

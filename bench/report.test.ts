import { describe, expect, it } from 'vitest';
import { budgets } from './budgets.js';
import type { BenchResult } from './report.js';
import type { PeersSection } from './sections/peers.js';

const base: BenchResult = {
  date: '2026-12-01T00:00:00.000Z',
  mode: 'full',
  machine: { nproc: 2, cpu: 'x', memTotalGiB: 1, node: 'v20', platform: 'linux x64', free: '', loadAvgAtStart: [] },
  elapsedS: 1,
  sectionSeconds: {},
  errors: {},
  budgets: [],
};

const peer = (name: string, status: PeersSection['peers'][number]['status']) => ({ name, status, note: '' });
const peersBudget = (peers: PeersSection) => budgets({ ...base, peers }).find((b) => b.name.startsWith('Peers'));

describe('the peers budget', () => {
  it('fails when installing bench/peers failed, with every peer "not installed"', () => {
    const budget = peersBudget({
      install: 'failed',
      engineRps: 1,
      peers: [peer('mockttp 4', 'not installed'), peer('json-server 0.17.4', 'not installed')],
    });
    expect(budget).toMatchObject({ value: 0, limit: '= 2', pass: false });
    expect(budget?.name).toContain('failed');
  });

  it('fails when an installed peer could not be measured; a skipped peer (no Java) is not expected', () => {
    const budget = peersBudget({
      install: 'present',
      engineRps: 1,
      peers: [peer('mockttp 4', 'measured'), peer('Mockoon CLI 9', 'failed'), peer('WireMock 3', 'skipped')],
    });
    expect(budget).toMatchObject({ value: 1, limit: '= 2', pass: false });
  });

  it('passes when every expected peer was measured', () => {
    const budget = peersBudget({
      install: 'installed',
      engineRps: 1,
      peers: [peer('mockttp 4', 'measured'), peer('WireMock 3', 'skipped')],
    });
    expect(budget).toMatchObject({ value: 1, limit: '= 1', pass: true });
  });

  it('is not judged when no install was attempted (smoke run without bench/peers)', () => {
    expect(peersBudget({ install: 'not attempted', engineRps: 1, peers: [] })).toBeUndefined();
  });
});

const cpu = (label: string, value: number) => ({ label, cpuUsPerCallback: value, runs: [value], spread: 0 });

describe('the v3 engine CPU budgets (product.md §8)', () => {
  const inprocess = (msg: number) => ({
    callbacks: 1,
    repeats: 1,
    samples: { openim: cpu('OpenIM friend', 20), 'openim-msg': cpu('OpenIM msg', msg) },
  });

  it('passes a message callback within 10 % of OpenIM before-add-friend and misses one above', () => {
    const within = budgets({ ...base, inprocess: inprocess(21.9) }).find((b) => b.name.startsWith('OpenIM msg'));
    expect(within).toMatchObject({ value: 1.095, pass: true });
    const above = budgets({ ...base, inprocess: inprocess(22.4) }).find((b) => b.name.startsWith('OpenIM msg'));
    expect(above).toMatchObject({ value: 1.12, pass: false });
  });

  it('judges the median of paired ratios against the baseline at +5 %', () => {
    const compared = (ratio: number) => ({
      ...inprocess(20),
      baseline: {
        openim: { dir: '/b', label: 'OpenIM friend', baselineRuns: [19, 20], baselineCpuUsPerCallback: 19.5, ratio },
      },
    });
    const name = (b: { name: string }) => b.name.includes('baseline');
    expect(budgets({ ...base, inprocess: compared(1.05) }).find(name)).toMatchObject({ pass: true });
    expect(budgets({ ...base, inprocess: compared(1.051) }).find(name)).toMatchObject({ pass: false });
  });
});

/** What one `npm run bench` does: the full run, or `--smoke` (seconds, for the vitest smoke test). */
export interface BenchConfig {
  mode: 'full' | 'smoke';
  connections: number;
  warmupS: number;
  durationS: number;
  /** Alternating bare/engine measurements per sample; the median is reported. */
  repeats: number;
  peers: 'run' | 'if-installed' | 'skip';
  peerDurationS: number;
  holdCount: number;
  /** Requests per path (direct, relayed) in the upstream section. */
  upstreamCount: number;
  memorySteps: number[];
  /** Seconds of 1 MiB bodies at full rate in the memory section (bounded by bytes, product.md §4). */
  bigBodyS: number;
  ui: boolean;
  uiCaptures: number;
  uiIngestRate: number;
  uiIngestS: number;
  /** Callbacks per in-process run (after a quarter as many to warm up). */
  inprocessCallbacks: number;
  /** Captures the flows section derives flows for, in process. */
  flowCaptures: number;
  /** Alternating flows-on/off in-process runs per sample (median reported; ≥ 5 in a full run). */
  flowsCompareRuns: number;
  /** Only these sections (all when empty). */
  only: SectionName[];
  /** Run the engine child with `--cpu-prof` (profiles land in bench/results/prof). */
  profile: boolean;
  outFile: string | null;
  /** `--baseline=DIR`: a built worktree of the commit to compare the in-process friend figures against. */
  baseline: string | null;
}

export const SECTION_NAMES = [
  'inprocess',
  'flows',
  'regex',
  'listener',
  'peers',
  'hold',
  'upstream',
  'memory',
  'memory-bodies',
  'ui',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

const FULL: BenchConfig = {
  mode: 'full',
  connections: 20,
  warmupS: 3,
  durationS: 10,
  repeats: 3,
  peers: 'run',
  peerDurationS: 10,
  holdCount: 1_000,
  upstreamCount: 5_000,
  // 150k shows whether memory stays bounded past 100k (the store compacts its array now and then).
  memorySteps: [10_000, 50_000, 100_000, 150_000],
  bigBodyS: 60,
  ui: true,
  uiCaptures: 100_000,
  uiIngestRate: 1_000,
  uiIngestS: 10,
  inprocessCallbacks: 40_000,
  flowCaptures: 100_000,
  flowsCompareRuns: 5,
  only: [],
  profile: false,
  outFile: null,
  baseline: null,
};

const SMOKE: BenchConfig = {
  ...FULL,
  mode: 'smoke',
  warmupS: 0,
  durationS: 1,
  repeats: 1,
  // Never installs in smoke mode (no registry traffic from a test); runs the peers only when already there.
  peers: 'if-installed',
  peerDurationS: 1,
  holdCount: 20,
  upstreamCount: 50,
  memorySteps: [500, 1_000, 2_000],
  bigBodyS: 1,
  ui: false,
  inprocessCallbacks: 2_000,
  flowCaptures: 5_000,
  flowsCompareRuns: 1,
};

const isSection = (value: string): value is SectionName => (SECTION_NAMES as readonly string[]).includes(value);

function positive(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${key} needs a positive integer`);
  return n;
}

/**
 * `--smoke`, `--only=listener,hold`, `--inprocess` (= `--only=inprocess`: the engine's CPU per callback only), `--no-peers`, `--no-ui`, `--ui`, `--profile`, `--out=FILE`, `--baseline=DIR` (compare the in-process friend figures with a built worktree of another commit), and for quick
 * looks `--ui-captures=N`, `--repeats=N`, `--duration=S`.
 */
export function parseArgs(argv: readonly string[]): BenchConfig {
  const config: BenchConfig = argv.includes('--smoke') ? { ...SMOKE } : { ...FULL };
  for (const arg of argv) {
    const [key, value = ''] = arg.split('=', 2);
    if (key === '--only') {
      const names = value.split(',').filter(Boolean);
      const unknown = names.filter((name) => !isSection(name));
      if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(', ')}`);
      config.only = names.filter(isSection);
    } else if (key === '--inprocess') config.only = ['inprocess'];
    else if (key === '--no-peers') config.peers = 'skip';
    else if (key === '--peers') config.peers = 'run';
    else if (key === '--no-ui') config.ui = false;
    else if (key === '--ui') config.ui = true;
    else if (key === '--profile') config.profile = true;
    else if (key === '--out') config.outFile = value;
    else if (key === '--baseline') {
      if (value === '') throw new Error('--baseline needs a directory: --baseline=DIR');
      config.baseline = value;
    } else if (key === '--ui-captures') config.uiCaptures = positive(key, value);
    else if (key === '--repeats') config.repeats = positive(key, value);
    else if (key === '--duration') config.durationS = positive(key, value);
    else if (key !== '--smoke') throw new Error(`unknown argument: ${arg}`);
  }
  return config;
}

export const wants = (config: BenchConfig, section: SectionName): boolean =>
  config.only.length === 0 || config.only.includes(section);

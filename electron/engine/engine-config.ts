import { join } from 'node:path';
import type { EngineEvent, Rule, RuleWithStats, Settings, SettingsPatch } from '../../shared/contract/index.js';
import { carryChanges, loadRules, loadSettings } from './engine-load.js';
import { RuleEngine } from './listener/rule-engine.js';
import { JsonFileStore } from './store/persistence.js';

const RULES_EVENT_MS = 100;

/**
 * The engine's settings twice over: in effect (with this run's option overrides, e.g. `serve --port`) and as saved in
 * the data dir's settings.json (without them), so that a change made while running never writes an override to disk.
 */
export class EngineSettings {
  private effective: Settings | null = null;
  private saved: Settings | null = null;
  private readonly file: JsonFileStore | null;

  constructor(
    dataDir: string | null,
    private readonly log: (line: string) => void,
  ) {
    this.file = dataDir === null ? null : new JsonFileStore(join(dataDir, 'settings.json'), log);
  }

  /** Reads settings.json under the overrides (rejects on invalid overrides); returns the notices of kept items. */
  async load(overrides: SettingsPatch | undefined): Promise<string[]> {
    const { saved, effective, notices } = await loadSettings(this.file, overrides, this.log);
    this.effective = effective;
    this.saved = saved;
    return notices;
  }

  /** The settings in effect, null before `load` (the capture limits are asked for before). */
  loaded(): Settings | null {
    return this.effective;
  }

  get(): Settings {
    if (!this.effective) throw new Error('engine not loaded: call load() first');
    return this.effective;
  }

  /** Saves the change from `prev` to `next`; rejects (PersistError) when settings.json cannot be written. */
  async save(prev: Settings, next: Settings): Promise<void> {
    await this.file?.write(carryChanges(this.saved ?? next, prev, next));
  }

  /**
   * Puts `applied` in effect (at once: the write that may follow is not waited for by readers). When it is not what
   * was saved (`next`: the listener could not move), the file is written again to say where the listener really is.
   */
  async apply(prev: Settings, applied: Settings, next: Settings): Promise<void> {
    this.effective = applied;
    this.saved = carryChanges(this.saved ?? applied, prev, applied);
    if (applied !== next) await this.file?.write(this.saved).catch(() => undefined); // logged by the store
  }

  flush(): Promise<void> | undefined {
    return this.file?.flush();
  }
}

/** The rules in effect (the listener matches against `engine`), saved in the data dir's rules.json. */
export class EngineRules {
  readonly engine = new RuleEngine();
  private readonly file: JsonFileStore | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    dataDir: string | null,
    private readonly log: (line: string) => void,
    private readonly emit: (event: EngineEvent) => void,
  ) {
    this.file = dataDir === null ? null : new JsonFileStore(join(dataDir, 'rules.json'), log);
  }

  /** Reads rules.json, or takes `given` (an option of this run); returns the notices of rules it could not keep. */
  async load(given: Rule[] | undefined): Promise<string[]> {
    const { rules, notices } = await loadRules(this.file, given, this.log);
    this.engine.setRules(rules);
    return notices;
  }

  withStats(): RuleWithStats[] {
    return this.engine.withStats();
  }

  /** Saved first: when the file cannot be written it rejects (PersistError) and the rules stay as they were. */
  async set(rules: Rule[]): Promise<void> {
    await this.file?.write(rules);
    this.engine.setRules(rules);
    this.emit({ type: 'rules.changed', rules: this.engine.withStats() });
  }

  /** Rule counters change on every matching request: one rules.changed per 100 ms at most. */
  used(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.emit({ type: 'rules.changed', rules: this.engine.withStats() });
    }, RULES_EVENT_MS);
    this.timer.unref();
  }

  close(): Promise<void> | undefined {
    if (this.timer) clearTimeout(this.timer);
    return this.file?.flush();
  }
}

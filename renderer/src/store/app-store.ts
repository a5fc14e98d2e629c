import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type {
  Capture,
  ListenerStatus,
  PersistenceStatus,
  RuleWithStats,
  Settings,
  UpstreamStatus,
} from '../../../shared/contract/index.js';
import { type CaptureList, emptyList, NO_FILTER, type RowFilter } from './capture-list.js';
import { type DecisionDraft, emptyDraft } from './decision-draft.js';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A button in the notice, e.g. Undo after deleting a rule. */
  action?: { label: string; run: () => void };
}

export type SidePanel = 'details' | 'rules';

export interface AppState {
  connection: ConnectionState;
  /** Last connection problem, shown in the banner. */
  connectionError: string | null;
  /** True once settings, rules and the newest page of captures arrived after the last (re)connect. */
  loaded: boolean;
  /** Older pages still being fetched in the background. */
  backfilling: boolean;
  list: CaptureList;
  /** Total captures the engine holds (from the last list call, then counted live). */
  total: number;
  filter: RowFilter;
  followNewest: boolean;
  selectedId: string | null;
  /** Full capture of the selected row (bodies included); null while loading. */
  selected: Capture | null;
  draft: DecisionDraft;
  sendError: string | null;
  rules: RuleWithStats[];
  settings: Settings | null;
  listener: ListenerStatus | null;
  /** v2 upstream mode: the backend callbacks are forwarded to, and whether it answers. */
  upstream: UpstreamStatus | null;
  /** Whether captures reach the data dir (null until the first health answer). */
  persistence: PersistenceStatus | null;
  version: string;
  notices: Notice[];
  /**
   * v3: what the engine says about this run (`GET /api/health` notices: a settings or rules file that did not
   * validate, a migrated setting), shown in a banner until dismissed.
   */
  engineNotices: string[];
  sidePanel: SidePanel;
  /** Prefilled rule for the editor ("Make this a rule"); null = editor closed or editing an existing rule. */
  ruleEditorSeed: { rule: unknown; isNew: boolean; originalId: string | null } | null;
  setupHelpOpen: boolean;
  shortcutHelpOpen: boolean;
  /** Clear asks first: what goes (captures in memory and on disk) is named in the dialog. */
  clearConfirmOpen: boolean;
}

export const initialState: AppState = {
  connection: 'connecting',
  connectionError: null,
  loaded: false,
  backfilling: false,
  list: emptyList(),
  total: 0,
  filter: NO_FILTER,
  followNewest: true,
  selectedId: null,
  selected: null,
  draft: emptyDraft(),
  sendError: null,
  rules: [],
  settings: null,
  listener: null,
  upstream: null,
  persistence: null,
  version: '',
  notices: [],
  engineNotices: [],
  sidePanel: 'details',
  ruleEditorSeed: null,
  setupHelpOpen: false,
  shortcutHelpOpen: false,
  clearConfirmOpen: false,
};

/** The one vanilla store; actions (the *-actions.ts modules) are plain functions over it, components select narrowly. */
export const appStore = createStore<AppState>()(() => ({ ...initialState, list: emptyList() }));

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export const getState = appStore.getState;
export const setState = appStore.setState;

import type { DecidedBy, Dialect, OutcomeEffect, Phase } from './capture.js';

/**
 * v3 flows (product.md §3 "v3 Flows", §4 `GET /api/flows`): the story of one relationship or conversation across
 * callbacks, derived from captures by `shared/flows`. Summaries only: a flow carries no bodies.
 */
export type FlowFamily = 'relationship' | 'message' | 'group' | 'user';

export interface FlowStep {
  captureId: string;
  /** The capture's number as shown everywhere (`captureNumber`: an imported capture keeps its recorded one). */
  seq: number;
  command: string;
  phase: Phase;
  receivedAt: number;
  decidedBy: DecidedBy | null;
  /** The predicted outcome for this flow's pair (a Tencent per-target answer gives each pair its own verdict). */
  effect: OutcomeEffect;
  code?: number | undefined;
  /** The answer in a few words: "allow", "deny 5001", "fault http-status", "no answer". */
  answer: string;
  /** It arrived although the step before it was predicted blocked or failed. */
  unexpected?: true;
  /** Why it is unexpected, in a sentence. */
  note?: string;
}

export interface FlowExpectation {
  /** The command the protocol says comes next. */
  command: string;
  /** The step that predicts it. */
  afterCaptureId: string;
  /** `pending` until `dueAt` (settle time after the predicting step), then `missing`. */
  status: 'pending' | 'missing';
  dueAt: number;
  /** Why it may not come (the webhooks.yml key or console switch, the version, the action failing later). */
  reasons: string[];
}

export interface Flow {
  /** Stable identity: `openim:pair:a|b`, `tencent:group:@TGS#1`, `openim:user:u1`. */
  key: string;
  dialect: Dialect;
  family: FlowFamily;
  /** The users involved, sorted (a pair, a conversation's two users, or one user); the group id for a group. */
  parties: string[];
  groupId?: string;
  /**
   * A creation whose before-callback came before the group had an id: the name being created (`parties` holds the
   * creator, when the protocol names one). The after-callback joins this flow and the new group's.
   */
  creating?: string;
  firstAt: number;
  lastAt: number;
  /** In time order; the latest `FLOW_STEP_LIMIT` only (`stepCount` counts them all). */
  steps: FlowStep[];
  stepCount: number;
  expected: FlowExpectation[];
}

export interface FlowListResponse {
  items: Flow[];
}

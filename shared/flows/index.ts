export { type FlowKey, type FlowKind, flowKey, flowKeysOf, visitFlows } from './flow-keys.js';
export {
  addCapture,
  deriveFlows,
  emptyFlows,
  FLOW_STEP_LIMIT,
  type FlowContext,
  type FlowState,
  listFlows,
  nextDue,
  settleFlows,
} from './flows.js';
export { NEXT_STEPS, type NextStep, PREDECESSORS } from './next-steps.js';
export type { FlowProfiles } from './reasons.js';
export type { FlowCapture } from './steps.js';

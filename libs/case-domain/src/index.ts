/**
 * The case domain: pure TypeScript, no framework, no I/O, no clock. Everything else in the
 * engine depends on it; it depends on nothing of ours.
 */
export * from './time/dates';
export * from './money';
export * from './events/case-events';
export { caseEventOf } from './events/upcast';
export { PERSONAL_FIELDS, personalPathsOf, ERASED, erasedDebtor, type PersonalField } from './events/personal-data';
export { RETENTION_YEARS, retentionEndsOn, latestClosureErasableOn } from './privacy/retention';
export { decideErasure, type ErasureRequest, type ErasureDecision, type ErasureRefusal } from './privacy/erasure';
export * from './commands/case-commands';
export * from './commands/command-variants';
export * from './machine/case-machine';
export * from './machine/status';
export * from './state/case-state';
export { evolve, fold, isTransitionEvent } from './state/evolve';
export { decide } from './decide/decide';
export type { Decision, Rejection, RejectionKind } from './decide/rejection';
export { recommendFiler } from './decide/recommendation';
export { TIMER_RULES, DEADLINE_RULES, limitationDateOf } from './deadlines/timer-rules';
export { reconcileTimers } from './deadlines/reconcile-timers';
export { dueTimers } from './deadlines/due-timers';
export { allowedActions, allowedOptions, machineAllows } from './views/allowed-actions';
export { gateOf, ACTION_GATES, ACTION_VARIANTS, COMMAND_GATES } from './decide/gates';
export { PRECONDITIONS } from './decide/preconditions';
export { amountsOf, pendingInterest, type CaseAmounts } from './views/amounts';
export { caseViewOf, flagsOf, type CaseFlags, type CaseView } from './views/case-view';
export { toMermaid } from './diagram/mermaid';
export { deadlineAfter, easterSunday, isWorkingDay, norwegianHolidays } from './deadlines/working-days';
export { danishHolidays, isDanishLimitationDay, type HolidayCalendar } from './deadlines/working-days';
export { DANISH_DEADLINE_RULES, dueFor } from './deadlines/timer-rules';
export {
  RULE_PACKS,
  JURISDICTIONS,
  packOf,
  packFor,
  packIdOf,
  type RulePack,
  type PackId,
  type Jurisdiction,
} from './packs';
export * as DanishTables from './packs/denmark/tables';
export {
  collectionCostCap,
  collectionCostTableFor,
  danishCourtFees,
  feeBearingReminders,
  businessCompensation,
} from './packs/denmark/fees';
export { LIMITATION_NEAR_DAYS } from './packs/denmark/court';

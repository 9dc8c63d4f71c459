/** Test drivers for the case domain, public so that other libraries' tests can build real histories. */
export * from './case-spec';
export { caseHistory, caseHistoryCommands, caseHistoryDay } from './case-history';
export {
  realisticCases,
  type RealisticAppend,
  type RealisticActor,
  type RealisticMetadata,
  type RealisticOptions,
} from './realistic-cases';

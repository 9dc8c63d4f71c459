/** Test drivers for the case domain, public so that other libraries' tests can build real histories. */
export * from './case-spec';
export { business, danishClaim, givenDanish } from './danish-case';
export { caseHistory, caseHistoryCommands, caseHistoryDay } from './case-history';
export {
  realisticCases,
  type RealisticAppend,
  type RealisticActor,
  type RealisticMetadata,
  type RealisticOptions,
} from './realistic-cases';

/**
 * Audit: a case as it stood on any date, the hash chain that makes tampering evident, and the
 * verification that replays stored histories and reports what does not hold.
 */
export * from './chain/chain-link';
export * from './verification/findings';
export { verifyCaseEvents, checkChain, CaseVerifier } from './verification/verify-case';
export { verifyStore, isSound, type StoreVerification, type VerifyStoreOptions } from './verification/verify-store';
export * from './as-of/as-of';
export * from './access/access-log';
export * from './anchor/anchor';
export * from './export/signed-export';
export * from './machine-check/check-machine';
export * from './picture/case-path';

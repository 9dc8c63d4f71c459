export { seal, open, isSealed, SealedValueRejected, type SealedValue } from './cipher';
export { sealFields, openFields, countClearFields, ERASED, type SubjectAccess } from './sealed-fields';
export { personalToken, revealTokens, tokenSubjects, hasPersonalTokens } from './personal-token';
export { mapAt, visitAt } from './field-paths';
export { SubjectKeys, SubjectErased, type SubjectStatus, type Erasure, type EraseOutcome } from './key-store';
export { parseMasterKey, masterKeyId } from './master-key';
export { openSubjectKeys, KyselySubjectKeys, type SubjectKeysConfig } from './kysely-subject-keys';

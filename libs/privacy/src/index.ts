export { seal, open, isSealed, SealedValueRejected, type SealedValue } from './cipher';
export { sealFields, openFields, countClearFields, ERASED } from './sealed-fields';
export { SubjectKeys, SubjectErased, type SubjectStatus, type Erasure, type EraseOutcome } from './key-store';
export { parseMasterKey, masterKeyId } from './master-key';
export { openSubjectKeys, KyselySubjectKeys, type SubjectKeysConfig } from './kysely-subject-keys';

export * from './types';
export * from './fees';
export * from './interest';
export * from './allocation';
export { INKASSOSATS, COLLECTION_FEE_TABLE, RETTSGEBYR, LATE_INTEREST } from './tables';

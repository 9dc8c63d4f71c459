/** Test drivers for the runtime, public so that other libraries' and apps' tests can use them. */
export { TestEngine, ClearVault, CASEWORKER } from './engine';

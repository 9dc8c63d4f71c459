import { caseMachine as inForce } from '@app/case-domain';

/** A candidate change to the rules: an objection to the whole claim no longer holds collection. */
export const caseMachine = inForce.provide({ guards: { pausesCollection: () => false } });

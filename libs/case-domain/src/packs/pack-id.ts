/**
 * Which rule pack a case runs under. Chosen at handover from the claim's jurisdiction and
 * currency and recorded in its first event; a first event without one (every history written
 * before packs existed, and every Norwegian case since) is Norway's.
 */
export type PackId = 'NO' | 'DK';
export type Jurisdiction = PackId;
export const DEFAULT_PACK: PackId = 'NO';

export function packIdOf(facts: { rulePack?: PackId }): PackId {
  return facts.rulePack ?? DEFAULT_PACK;
}

import type { Invoice } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { DENMARK } from './denmark/pack';
import { NORWAY } from './norway';
import { packIdOf, type Jurisdiction, type PackId } from './pack-id';
import type { RulePack } from './rule-pack';

/** Every rule pack the engine has, by id. Adding a pack: see the README's "Rule packs". */
export const RULE_PACKS: Readonly<Record<PackId, RulePack>> = { NO: NORWAY, DK: DENMARK };
export const JURISDICTIONS = Object.keys(RULE_PACKS) as Jurisdiction[];

/** The pack a case runs under, from what its first event recorded (nothing: Norway). */
export function packOf(facts: CaseFacts): RulePack {
  return RULE_PACKS[packIdOf(facts)];
}

/**
 * The pack for a claim handed over: its jurisdiction (Norway when not said) picks the pack, and
 * the pack must take the claim's currency. Null with the reason when no pack does.
 */
export function packFor(
  jurisdiction: Jurisdiction | undefined,
  currency: Invoice['currency'],
): { pack: RulePack } | { refusal: string; field: string } {
  const pack = RULE_PACKS[jurisdiction ?? 'NO'];
  if (!pack) return { refusal: `jurisdiction must be one of ${JURISDICTIONS.join(', ')}.`, field: 'jurisdiction' };
  if (pack.currency === currency) return { pack };
  const other = Object.values(RULE_PACKS).find((p) => p.currency === currency);
  return {
    refusal: other
      ? `The ${pack.name} rule pack takes ${pack.currency} claims only: a ${currency} claim is handed over with jurisdiction ${other.jurisdiction}.`
      : `No rule pack takes ${currency} claims.`,
    field: 'invoice.currency',
  };
}

export type { RulePack, Precondition } from './rule-pack';
export { packIdOf, type PackId, type Jurisdiction } from './pack-id';

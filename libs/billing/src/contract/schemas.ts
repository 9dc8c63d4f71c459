import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { BILLING_EVENT_TYPES, type BillingEvent, type BillingEventType } from './integration-events';

/** The repository's schema files: the current shape of each type, and every published version kept. */
// From the sources, or from a build in dist/ (the schemas are not copied: they stay in the repository).
export const SCHEMA_DIR =
  [
    join(__dirname, '..', '..', 'schemas'),
    join(__dirname, '..', '..', '..', '..', '..', 'libs', 'billing', 'schemas'),
  ].find((dir) => existsSync(dir)) ?? join(__dirname, '..', '..', 'schemas');

export function schemaOf(type: BillingEventType): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `${type}.json`), 'utf8'));
}
export function publishedSchemaOf(type: BillingEventType, version: number): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(SCHEMA_DIR, 'published', `${type}.v${version}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

let validators: Map<string, ValidateFunction> | undefined;

/** The schema's complaints about an event (none when it conforms). */
export function contractProblems(event: BillingEvent): string[] {
  validators ??= new Map(
    BILLING_EVENT_TYPES.map((t) => [t, new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schemaOf(t))]),
  );
  const validate = validators.get(event.type);
  if (!validate) return [`no schema for type ${String(event.type)}`];
  if (validate(event)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

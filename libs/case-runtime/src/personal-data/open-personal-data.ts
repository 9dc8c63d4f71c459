import type Database from 'better-sqlite3';
import { openSubjectKeys, type SubjectKeys } from '@app/privacy';
import type { Clock } from '../clock/clock';
import type { AppConfig } from '../config/config';
import { PersonalDataVault } from './personal-data-vault';

export type ClosableSubjectKeys = SubjectKeys & { close(): Promise<void> };

/**
 * The debtors' keys, where the configuration keeps durable state: in PostgreSQL beside the read
 * models when `DATABASE_URL` is set, else in the engine's local SQLite file beside the events
 * (not in the read models' file, which an operator may delete and rebuild: losing the keys would
 * lose every debtor's personal data).
 */
export async function openPersonalData(
  config: AppConfig,
  where: { localDb: Database.Database; clock: Clock },
): Promise<{ keys: ClosableSubjectKeys; vault: PersonalDataVault }> {
  const { databaseUrl, schema } = config.readModels;
  const keys = await openSubjectKeys({
    ...(databaseUrl ? { databaseUrl, schema } : { sqlite: where.localDb }),
    masterKey: config.personalData.masterKey,
    now: () => where.clock.now(),
  });
  return { keys, vault: new PersonalDataVault(keys) };
}

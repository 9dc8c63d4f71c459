import { randomBytes } from 'node:crypto';
import { openPrivacyDb, type PrivacyDb, type PrivacyDbConfig } from './db/connect';
import type { SubjectKeyRow } from './db/schema';
import { KeyCache } from './key-cache';
import { SubjectErased, SubjectKeys, type EraseOutcome, type Erasure, type SubjectStatus } from './key-store';
import type { SubjectAccess } from './sealed-fields';
import { masterKeyId, unwrapKey, wrapKey } from './master-key';

export interface SubjectKeysConfig extends PrivacyDbConfig {
  masterKey: Buffer;
  now: () => string;
  /** The in-process key cache; `max: 0` turns it off. Defaults: 10 000 keys for 60 s. */
  cache?: { max?: number; ttlMs?: number };
}

/** Subject keys in a table of the application's database, each wrapped by the master key. */
export class KyselySubjectKeys extends SubjectKeys {
  private readonly cache: KeyCache;
  /** Subjects a reader found without a usable key (erased, or never given one), for as long as keys are cached. */
  private readonly keyless = new Map<string, { access: 'erased' | null; until: number }>();
  private readonly keylessMax: number;
  private readonly ttlMs: number;
  private readonly masterKeyId: string;
  // Bumped by every erasure here: a key read before it is not cached, since it may be the erased one.
  private erasures = 0;

  constructor(
    private readonly db: PrivacyDb,
    private readonly masterKey: Buffer,
    private readonly now: () => string,
    cache: SubjectKeysConfig['cache'] = {},
  ) {
    super();
    if (masterKey.length !== 32) throw new Error('The master key must be exactly 32 bytes');
    this.masterKeyId = masterKeyId(masterKey);
    this.cache = new KeyCache(cache.max ?? 10_000, cache.ttlMs ?? 60_000);
    this.keylessMax = cache.max ?? 10_000;
    this.ttlMs = cache.ttlMs ?? 60_000;
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    checkSubject(subjectId);
    this.keyless.delete(subjectId);
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const epoch = this.erasures;
    let row = await this.row(subjectId);
    if (!row) {
      const key = randomBytes(32);
      const inserted = await this.db
        .insertInto('pd_subject_keys')
        .values({
          subject_id: subjectId,
          wrapped_key: wrapKey(key, this.masterKey, subjectId),
          master_key_id: this.masterKeyId,
          created_at: this.now(),
        })
        .onConflict((oc) => oc.column('subject_id').doNothing())
        .returning('subject_id')
        .executeTakeFirst();
      if (inserted) return this.remembered(subjectId, key, epoch);
      // Another writer got there first: its key is the one.
      row = await this.row(subjectId);
      if (!row) throw new Error(`The key of subject ${subjectId} was not stored`);
    }
    return this.usable(row, epoch);
  }

  async existingKey(subjectId: string): Promise<Buffer | null> {
    checkSubject(subjectId);
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const epoch = this.erasures;
    const row = await this.row(subjectId);
    if (!row || row.wrapped_key === null || row.erased_at !== null) return null;
    return this.usable(row, epoch);
  }

  async access(subjectId: string, options: { fresh?: boolean } = {}): Promise<SubjectAccess> {
    checkSubject(subjectId);
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const known = options.fresh ? undefined : this.keyless.get(subjectId);
    if (known && known.until > Date.now()) return known.access;
    const epoch = this.erasures;
    const row = await this.row(subjectId);
    if (row && row.wrapped_key !== null && row.erased_at === null) return this.usable(row, epoch);
    const access = row ? 'erased' : null;
    this.rememberKeyless(subjectId, access);
    return access;
  }

  private rememberKeyless(subjectId: string, access: 'erased' | null): void {
    if (this.keylessMax <= 0 || this.ttlMs <= 0) return;
    this.keyless.delete(subjectId);
    this.keyless.set(subjectId, { access, until: Date.now() + this.ttlMs });
    if (this.keyless.size > this.keylessMax) this.keyless.delete(this.keyless.keys().next().value as string);
  }

  async erase(subjectId: string, erasure: Erasure): Promise<EraseOutcome> {
    checkSubject(subjectId);
    this.erasures += 1;
    this.cache.drop(subjectId);
    this.keyless.delete(subjectId);
    if (await this.destroyKey(subjectId, erasure)) return 'erased';
    // No key yet (data only in clear, from before encryption): the tombstone alone marks the erasure.
    const inserted = await this.db
      .insertInto('pd_subject_keys')
      .values({
        subject_id: subjectId,
        wrapped_key: null,
        master_key_id: this.masterKeyId,
        created_at: erasure.at,
        erased_at: erasure.at,
        erase_reason: erasure.reason,
      })
      .onConflict((oc) => oc.column('subject_id').doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return 'erased';
    const row = await this.row(subjectId);
    if (row && row.erased_at !== null) return 'alreadyErased';
    // Another writer made the key in between: destroy it too.
    return (await this.destroyKey(subjectId, erasure)) ? 'erased' : 'alreadyErased';
  }

  private async destroyKey(subjectId: string, erasure: Erasure): Promise<boolean> {
    const result = await this.db
      .updateTable('pd_subject_keys')
      .set({ wrapped_key: null, erased_at: erasure.at, erase_reason: erasure.reason })
      .where('subject_id', '=', subjectId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async status(subjectId: string): Promise<SubjectStatus> {
    checkSubject(subjectId);
    const row = await this.row(subjectId);
    if (!row) return { state: 'unknown' };
    if (row.erased_at === null) return { state: 'active', createdAt: row.created_at };
    return {
      state: 'erased',
      createdAt: row.created_at,
      erasedAt: row.erased_at,
      ...(row.erase_reason !== null ? { reason: row.erase_reason } : {}),
    };
  }

  async close(): Promise<void> {
    this.cache.clear();
    this.keyless.clear();
    await this.db.destroy();
  }

  private row(subjectId: string): Promise<SubjectKeyRow | undefined> {
    return this.db.selectFrom('pd_subject_keys').selectAll().where('subject_id', '=', subjectId).executeTakeFirst();
  }

  private usable(row: SubjectKeyRow, epoch: number): Buffer {
    if (row.erased_at !== null || row.wrapped_key === null) {
      throw new SubjectErased(row.subject_id, row.erased_at ?? undefined);
    }
    if (row.master_key_id !== this.masterKeyId) {
      throw new Error(
        `The key of subject ${row.subject_id} was wrapped with master key ${row.master_key_id}, ` +
          `but the configured master key is ${this.masterKeyId}: check the master key configuration`,
      );
    }
    return this.remembered(row.subject_id, unwrapKey(row.wrapped_key, this.masterKey, row.subject_id), epoch);
  }

  /** The key, cached unless an erasure here began since it was read (it may be the erased one). */
  private remembered(subjectId: string, key: Buffer, epoch: number): Buffer {
    if (epoch === this.erasures) this.cache.set(subjectId, key);
    return key;
  }
}

function checkSubject(subjectId: string): void {
  if (typeof subjectId !== 'string' || subjectId.length === 0)
    throw new Error('A subject id must be a non-empty string');
}

/** Opens (and migrates) the key table on PostgreSQL or SQLite, as the read models' store does. */
export async function openSubjectKeys(config: SubjectKeysConfig): Promise<SubjectKeys & { close(): Promise<void> }> {
  if (config.masterKey.length !== 32) throw new Error('The master key must be exactly 32 bytes');
  const db = await openPrivacyDb(config);
  return new KyselySubjectKeys(db, config.masterKey, config.now, config.cache);
}

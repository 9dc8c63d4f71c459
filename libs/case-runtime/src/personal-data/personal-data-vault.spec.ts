import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseHistory } from '@app/case-domain/testing';
import { isSealed, openSubjectKeys, personalToken, type SubjectKeys } from '@app/privacy';
import { PersonalDataVault } from './personal-data-vault';

describe('the personal-data vault', () => {
  let keys: SubjectKeys & { close(): Promise<void> };
  let vault: PersonalDataVault;
  const history = caseHistory();
  const handover = history.filter((e) => e.type === 'ClaimHandedOver');
  const noPersonalData = history.filter((e) => e.type === 'DeadlineScheduled' || e.type === 'PaymentRegistered');

  beforeEach(async () => {
    keys = await openSubjectKeys({
      sqliteFile: ':memory:',
      masterKey: randomBytes(32),
      now: () => '2026-12-01T00:00:00Z',
    });
    vault = new PersonalDataVault(keys);
  });
  afterEach(() => keys.close());

  it('seals the personal values of the events that have any, and opens them back as they were', async () => {
    const sealed = await vault.seal('debtor-1', history);
    const stored = sealed.find((e) => e.type === 'ClaimHandedOver')!.data as unknown as {
      debtor: Record<string, unknown>;
    };
    expect(isSealed(stored.debtor.name)).toBe(true);
    expect(stored.debtor.id).toBe('debtor-1');
    expect(JSON.stringify(sealed)).not.toContain('Kari Nordmann');
    expect(await vault.open('debtor-1', sealed)).toEqual(history);
  });

  it('never asks for a key for events without personal values (most commands: payments, timers)', async () => {
    expect(noPersonalData.length).toBeGreaterThan(0);
    const keyFor = jest.spyOn(keys, 'keyFor');
    const access = jest.spyOn(keys, 'access');
    expect(await vault.seal('debtor-1', noPersonalData)).toEqual(noPersonalData);
    expect(await vault.open('debtor-1', noPersonalData)).toEqual(noPersonalData);
    expect(keyFor).not.toHaveBeenCalled();
    expect(access).not.toHaveBeenCalled();
  });

  it('reads a stream that records the erasure as erased, even with the key still cached here', async () => {
    const sealed = await vault.seal('debtor-1', handover);
    const erasure = {
      type: 'PersonalDataErased',
      data: { at: 'x', subjectId: 'debtor-1', basis: 'request', reason: 'r' },
    };
    const [opened] = await vault.open('debtor-1', [...sealed, erasure]);
    expect(opened.data).toMatchObject({ debtor: { id: 'debtor-1', name: '[erased]' } });
    const [hinted] = await vault.open('debtor-1', sealed, { erased: true });
    expect(hinted.data).toMatchObject({ debtor: { name: '[erased]' } });
    const [plain] = await vault.open('debtor-1', sealed);
    expect(plain.data).toMatchObject({ debtor: { name: 'Kari Nordmann' } });
  });

  it('reveals the read models’ tokens per subject, and those the read model knows erased as erased', async () => {
    const key = await keys.keyFor('debtor-1');
    const [sealedEvent] = await vault.seal('debtor-1', handover);
    const name = (sealedEvent.data as { debtor: { name: unknown } }).debtor.name;
    const kari = personalToken('debtor-1', 'debtor.name', name);
    const ola = personalToken('debtor-2', 'debtor.name', 'Ola in clear');
    expect(key).toHaveLength(32);
    const reveal = await vault.revealerFor([kari, `${ola}!`]);
    expect([reveal(kari), reveal(`${ola}!`)]).toEqual(['Kari Nordmann', 'Ola in clear!']);
    const knowing = await vault.revealerFor([kari, ola], ['debtor-2']);
    expect([knowing(kari), knowing(ola)]).toEqual(['Kari Nordmann', '[erased]']);
  });

  it('given another process made the key since this one found none, then sealed values still open here', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vault-')), 'keys.sqlite');
    const master = randomBytes(32);
    const open = () => openSubjectKeys({ sqliteFile: file, masterKey: master, now: () => '2026-12-01T00:00:00Z' });
    const [here, there] = [await open(), await open()];
    try {
      const reader = new PersonalDataVault(here);
      expect(await here.access('debtor-1')).toBeNull();
      const sealed = await new PersonalDataVault(there).seal('debtor-1', handover);
      const [opened] = await reader.open('debtor-1', sealed);
      expect(opened.data).toMatchObject({ debtor: { name: 'Kari Nordmann' } });
      const token = personalToken(
        'debtor-1',
        'debtor.name',
        (sealed[0].data as unknown as { debtor: { name: unknown } }).debtor.name,
      );
      expect((await reader.revealerFor([token]))(token)).toBe('Kari Nordmann');
    } finally {
      await here.close();
      await there.close();
    }
  });

  it('refuses to seal for an erased subject', async () => {
    await keys.erase('debtor-1', { at: '2026-12-01T00:00:00Z', reason: 'test' });
    await expect(vault.seal('debtor-1', handover)).rejects.toThrow('was erased');
  });
});

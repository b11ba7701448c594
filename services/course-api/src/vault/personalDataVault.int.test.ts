import { randomBytes, randomUUID } from 'node:crypto';
import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { COMPONENT, migrations } from '../db/migrations.js';
import { withTransaction } from '../db/transaction.js';
import { newIdentity } from '../testing/patients.js';
import { createTestClock } from '../testing/testClock.js';
import type { IdentityInput } from './identity.js';
import { birthDateOf } from './nationalIdentityNumber.js';
import { PersonalDataVault } from './personalDataVault.js';
import { DuplicateIdentityError, PatientErasedError, TamperedCiphertextError, UnknownPatientError } from './vaultErrors.js';

let pool: Pool;
let vault: PersonalDataVault;
const masterKey = randomBytes(32);
const erasure = { erasedBy: 'admin-1', requestReference: 'case-2026-17', verification: 'electronic-id' };

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase('vault') });
  await migrate(pool, COMPONENT, migrations);
  vault = new PersonalDataVault(pool, masterKey, createTestClock());
});
afterAll(() => pool.end());

async function register(input: IdentityInput = newIdentity()): Promise<string> {
  const patientId = randomUUID();
  await withTransaction(pool, (tx) => vault.register(tx, patientId, { ...input, birthDate: birthDateOf(input.nationalIdentityNumber) }, 'clinician-1'));
  return patientId;
}

test('registers, reads back, and finds by number and by name tokens', async () => {
  const input = newIdentity({ givenName: 'Ole Johan', familyName: 'Bråten' });
  const patientId = await register(input);
  expect(await vault.readIdentity(patientId)).toEqual({ ...input, birthDate: birthDateOf(input.nationalIdentityNumber) });
  expect(await vault.findByNationalIdentityNumber(input.nationalIdentityNumber)).toEqual([patientId]);
  expect(await vault.findByName('braten ole')).toEqual([patientId]);
  expect(await vault.findByName('johan')).toContain(patientId);
  expect(await vault.findByName('ole nobody')).toEqual([]);
  expect(await vault.readIdentity(randomUUID())).toBeNull();
});

test('registering the same id again is recognised and changes nothing; a second patient with the number is refused', async () => {
  const input = newIdentity();
  const patientId = randomUUID();
  const identity = { ...input, birthDate: birthDateOf(input.nationalIdentityNumber) };
  expect(await withTransaction(pool, (tx) => vault.register(tx, patientId, identity, 'c'))).toBe(true);
  expect(await withTransaction(pool, (tx) => vault.register(tx, patientId, { ...identity, givenName: 'Changed' }, 'c'))).toBe(false);
  expect(await vault.readIdentity(patientId)).toEqual(identity);
  await expect(withTransaction(pool, (tx) => vault.register(tx, randomUUID(), identity, 'c'))).rejects.toBeInstanceOf(DuplicateIdentityError);
});

test('texts seal and open per patient; another patient\'s ciphertext does not open', async () => {
  const [alice, bob] = [await register(), await register()];
  const sealed = await vault.sealText(alice, 'Slept better after the step down');
  expect(JSON.stringify(sealed)).not.toContain('Slept');
  expect(await vault.openText(alice, sealed)).toBe('Slept better after the step down');
  await expect(vault.openText(bob, sealed)).rejects.toBeInstanceOf(TamperedCiphertextError);
  await expect(vault.sealText(randomUUID(), 'x')).rejects.toBeInstanceOf(UnknownPatientError);
});

test('a tampered identity or key row fails loudly instead of reading as something else', async () => {
  const patientId = await register();
  const other = await register();
  await pool.query(`UPDATE vault_patient_keys SET wrapped_key = (SELECT wrapped_key FROM vault_patient_keys WHERE patient_id = $2) WHERE patient_id = $1`, [patientId, other]);
  await expect(vault.readIdentity(patientId)).rejects.toBeInstanceOf(TamperedCiphertextError);
});

test('erasure deletes the key and index rows: identity and every sealed text read as erased at once', async () => {
  const input = newIdentity({ givenName: 'Erasable' });
  const patientId = await register(input);
  const bystander = await register();
  const notes = await Promise.all(['first note', 'second note'].map((text) => vault.sealText(patientId, text)));

  expect(await vault.erase(patientId, erasure)).toBe('erased');

  expect(await vault.readIdentity(patientId)).toEqual({ erased: true });
  expect(await vault.openTexts(patientId, notes)).toEqual([{ erased: true }, { erased: true }]);
  expect(await vault.findByNationalIdentityNumber(input.nationalIdentityNumber)).toEqual([]);
  expect(await vault.findByName('Erasable')).toEqual([]);
  await expect(vault.sealText(patientId, 'more')).rejects.toBeInstanceOf(PatientErasedError);
  const leftovers = await pool.query('SELECT count(*)::int AS n FROM vault_blind_index WHERE patient_id = $1', [patientId]);
  expect(leftovers.rows[0]).toEqual({ n: 0 });
  expect(await vault.readIdentity(bystander)).toHaveProperty('givenName', 'Kari');
  expect(await vault.erase(patientId, erasure)).toBe('already-erased');
  expect(await vault.erase(randomUUID(), erasure)).toBe('unknown');
  const record = await pool.query('SELECT erased_by, request_reference, verification FROM vault_erasures WHERE patient_id = $1', [patientId]);
  expect(record.rows).toEqual([{ erased_by: 'admin-1', request_reference: 'case-2026-17', verification: 'electronic-id' }]);
});

test('sealing keys are kept for sealing only: an erasure here refuses the next seal, one elsewhere within the time to live leaves text no one can read', async () => {
  const clock = createTestClock();
  const here = new PersonalDataVault(pool, masterKey, clock);
  const elsewhere = new PersonalDataVault(pool, masterKey, clock);
  const patientId = await register();
  const before = await here.sealText(patientId, 'kept key');
  await elsewhere.sealText(patientId, 'kept key elsewhere');

  expect(await here.erase(patientId, erasure)).toBe('erased');
  await expect(here.sealText(patientId, 'after erasure')).rejects.toBeInstanceOf(PatientErasedError);
  expect(await here.openText(patientId, before)).toEqual({ erased: true });

  // The other process still holds the key it kept: what it seals now is unreadable at once.
  const late = await elsewhere.sealText(patientId, 'sealed with the deleted key');
  expect(await elsewhere.openText(patientId, late)).toEqual({ erased: true });
  expect(await here.openText(patientId, late)).toEqual({ erased: true });
  clock.advance(30_000);
  await expect(elsewhere.sealText(patientId, 'after the time to live')).rejects.toBeInstanceOf(PatientErasedError);
});

test('another master key opens nothing', async () => {
  const patientId = await register();
  const sealed = await vault.sealText(patientId, 'secret');
  const impostor = new PersonalDataVault(pool, randomBytes(32), createTestClock());
  await expect(impostor.openText(patientId, sealed)).rejects.toBeInstanceOf(TamperedCiphertextError);
});

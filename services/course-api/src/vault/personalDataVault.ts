import type { Pool, PoolClient } from 'pg';
import type { Clock } from '../clock.js';
import { withTransaction } from '../db/transaction.js';
import type { Identity } from './identity.js';
import { nameTokens } from './nameTokens.js';
import { SealingKeyCache } from './sealingKeyCache.js';
import { blindIndex, deriveVaultKeys, newDataKey, open, seal, unwrapDataKey, wrapDataKey, type VaultKeys } from './vaultCrypto.js';
import { DuplicateIdentityError, PatientErasedError, UnknownPatientError } from './vaultErrors.js';

/** Free text as stored in an event: opaque, JSON-safe, readable only with the patient's key. */
export interface SealedText {
  sealed: string;
}

/** What a sealed text or an identity reads as once the patient's key is erased. */
export interface Erased {
  erased: true;
}

export interface ErasureRequest {
  erasedBy: string;
  /** The case or document number of the verified request; never a name. */
  requestReference: string;
  verification: string;
}

export type ErasureOutcome = 'erased' | 'already-erased' | 'unknown';

const identityContext = (patientId: string) => `identity:${patientId}`;
const textContext = (patientId: string) => `text:${patientId}`;
const UNIQUE_VIOLATION = '23505';
const MAX_MATCHES = 50;

function openSealedText(dataKey: Buffer | null, patientId: string, text: SealedText): string | Erased {
  return dataKey === null ? { erased: true } : open(dataKey, textContext(patientId), text.sealed).toString('utf8');
}

/**
 * Personal data, kept apart from events and encrypted per patient (AES-256-GCM with a
 * random data key per patient, wrapped by the master key). Erasing a patient deletes the
 * key: their identity and every text sealed for them become unreadable at once.
 */
export class PersonalDataVault {
  private readonly keys: VaultKeys;
  private readonly sealingKeys: SealingKeyCache;

  constructor(private readonly pool: Pool, masterKey: Buffer, private readonly clock: Clock) {
    this.keys = deriveVaultKeys(masterKey);
    this.sealingKeys = new SealingKeyCache(clock);
  }

  /**
   * Stores a new patient's identity under a new key, inside the caller's transaction.
   * Returns false, writing nothing, when the id is already registered (a replayed request).
   */
  async register(transaction: PoolClient, patientId: string, identity: Identity, registeredBy: string): Promise<boolean> {
    const dataKey = newDataKey();
    const now = this.clock.now();
    const identityRow = await transaction.query(
      `INSERT INTO vault_identities (patient_id, sealed_identity, registered_at, registered_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (patient_id) DO NOTHING`,
      [patientId, seal(dataKey, identityContext(patientId), Buffer.from(JSON.stringify(identity))), now, registeredBy],
    );
    if (identityRow.rowCount === 0) return false;
    await transaction.query('INSERT INTO vault_patient_keys (patient_id, wrapped_key, created_at) VALUES ($1, $2, $3)',
      [patientId, wrapDataKey(this.keys, patientId, dataKey), now]);
    const tokens = nameTokens(`${identity.givenName} ${identity.familyName}`);
    try {
      await transaction.query(
        `INSERT INTO vault_blind_index (patient_id, kind, digest) SELECT $1, kind, digest FROM unnest($2::text[], $3::bytea[]) AS t(kind, digest)`,
        [
          patientId,
          ['national-id', ...tokens.map(() => 'name')],
          [blindIndex(this.keys, 'national-id', identity.nationalIdentityNumber), ...tokens.map((token) => blindIndex(this.keys, 'name', token))],
        ],
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateIdentityError();
      throw error;
    }
    return true;
  }

  /** Identities by patient id; erased patients read as `{ erased: true }`, unknown ids are absent. */
  async readIdentities(patientIds: readonly string[]): Promise<Map<string, Identity | Erased>> {
    const rows = await this.pool.query<{ patient_id: string; sealed_identity: string; wrapped_key: string | null }>(
      `SELECT i.patient_id, i.sealed_identity, k.wrapped_key FROM vault_identities i
       LEFT JOIN vault_patient_keys k ON k.patient_id = i.patient_id WHERE i.patient_id = ANY($1::uuid[])`,
      [patientIds],
    );
    return new Map(rows.rows.map((row): [string, Identity | Erased] => {
      if (row.wrapped_key === null) return [row.patient_id, { erased: true }];
      const dataKey = unwrapDataKey(this.keys, row.patient_id, row.wrapped_key);
      const identity = JSON.parse(open(dataKey, identityContext(row.patient_id), row.sealed_identity).toString('utf8')) as Identity;
      return [row.patient_id, identity];
    }));
  }

  async readIdentity(patientId: string): Promise<Identity | Erased | null> {
    return (await this.readIdentities([patientId])).get(patientId) ?? null;
  }

  /** Patients with this identity number (at most one): a lookup by digest, nothing decrypted. */
  findByNationalIdentityNumber(nationalIdentityNumber: string): Promise<string[]> {
    return this.findByDigests([blindIndex(this.keys, 'national-id', nationalIdentityNumber)]);
  }

  /** Patients whose name has every word of the query (see nameTokens). */
  findByName(query: string): Promise<string[]> {
    return this.findByDigests(nameTokens(query).map((token) => blindIndex(this.keys, 'name', token)));
  }

  private async findByDigests(digests: Buffer[]): Promise<string[]> {
    if (digests.length === 0) return [];
    const rows = await this.pool.query<{ patient_id: string }>(
      `SELECT patient_id FROM vault_blind_index WHERE digest = ANY($1::bytea[])
       GROUP BY patient_id HAVING count(DISTINCT digest) = $2 ORDER BY patient_id LIMIT $3`,
      [digests, digests.length, MAX_MATCHES],
    );
    return rows.rows.map((row) => row.patient_id);
  }

  /** Deletes the patient's key and blind-index rows, and records who did it on which request. */
  async erase(patientId: string, request: ErasureRequest): Promise<ErasureOutcome> {
    this.sealingKeys.forget(patientId);
    try {
      return await this.eraseInTransaction(patientId, request);
    } finally {
      this.sealingKeys.forget(patientId);
    }
  }

  private eraseInTransaction(patientId: string, request: ErasureRequest): Promise<ErasureOutcome> {
    return withTransaction(this.pool, async (transaction) => {
      const known = await transaction.query('SELECT 1 FROM vault_identities WHERE patient_id = $1', [patientId]);
      if (known.rowCount === 0) return 'unknown';
      // Cascades to the blind index.
      const deleted = await transaction.query('DELETE FROM vault_patient_keys WHERE patient_id = $1', [patientId]);
      if (deleted.rowCount === 0) return 'already-erased';
      await transaction.query(
        `INSERT INTO vault_erasures (patient_id, erased_at, erased_by, request_reference, verification) VALUES ($1, $2, $3, $4, $5)`,
        [patientId, this.clock.now(), request.erasedBy, request.requestReference, request.verification],
      );
      return 'erased';
    });
  }

  /**
   * Seals free text written about or by the patient, for storing in an event. The key may
   * come from the sealing cache: see SealingKeyCache for what an erasure in another
   * process means for it.
   */
  async sealText(patientId: string, text: string): Promise<SealedText> {
    const dataKey = await this.sealingKeys.get(patientId, () => this.dataKey(patientId));
    if (dataKey === null) throw new PatientErasedError(patientId);
    return { sealed: seal(dataKey, textContext(patientId), Buffer.from(text, 'utf8')) };
  }

  /** Opens texts sealed for one patient with one key lookup (never cached); all read as erased once the key is gone. */
  async openTexts(patientId: string, texts: readonly SealedText[]): Promise<(string | Erased)[]> {
    const dataKey = await this.dataKey(patientId);
    return texts.map((text) => openSealedText(dataKey, patientId, text));
  }

  async openText(patientId: string, text: SealedText): Promise<string | Erased> {
    return openSealedText(await this.dataKey(patientId), patientId, text);
  }

  /** The patient's data key, or null when erased; an id the vault never saw is an error. */
  private async dataKey(patientId: string): Promise<Buffer | null> {
    const rows = await this.pool.query<{ wrapped_key: string | null }>(
      `SELECT k.wrapped_key FROM vault_identities i LEFT JOIN vault_patient_keys k ON k.patient_id = i.patient_id
       WHERE i.patient_id = $1`,
      [patientId],
    );
    const row = rows.rows[0];
    if (!row) throw new UnknownPatientError(patientId);
    return row.wrapped_key === null ? null : unwrapDataKey(this.keys, patientId, row.wrapped_key);
  }
}

import type { Migration } from '@medfri/postgres-migrations';

/** The component name under which the course API records its migrations. */
export const COMPONENT = 'course-api';

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'vault, patient directory, access log, idempotency keys',
    sql: `
      -- One random data key per patient, wrapped by the master key. Deleting the row erases
      -- the patient: every value sealed with the key becomes unreadable at once.
      CREATE TABLE vault_patient_keys (
        patient_id uuid PRIMARY KEY,
        wrapped_key text NOT NULL,
        created_at timestamptz NOT NULL
      );

      -- Kept after erasure (unreadable), so an erased patient is told apart from an unknown id.
      CREATE TABLE vault_identities (
        patient_id uuid PRIMARY KEY,
        sealed_identity text NOT NULL,
        registered_at timestamptz NOT NULL,
        registered_by text NOT NULL
      );

      -- Keyed digests of the identity number and of each name token: lookups without decrypting.
      CREATE TABLE vault_blind_index (
        patient_id uuid NOT NULL REFERENCES vault_patient_keys (patient_id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('national-id', 'name')),
        digest bytea NOT NULL,
        PRIMARY KEY (kind, digest, patient_id)
      );
      CREATE UNIQUE INDEX vault_blind_index_one_patient_per_national_id ON vault_blind_index (digest) WHERE kind = 'national-id';
      CREATE INDEX vault_blind_index_by_patient ON vault_blind_index (patient_id);

      -- Who erased whom, when, on which verified request. No personal data.
      CREATE TABLE vault_erasures (
        patient_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL,
        erased_by text NOT NULL,
        request_reference text NOT NULL,
        verification text NOT NULL
      );

      -- Units a patient is in care at: what lets a clinician of the unit see the patient.
      CREATE TABLE patient_units (
        patient_id uuid NOT NULL,
        unit_id text NOT NULL,
        since timestamptz NOT NULL,
        PRIMARY KEY (patient_id, unit_id)
      );
      CREATE INDEX patient_units_by_unit ON patient_units (unit_id);

      -- Every read of a patient's data by anyone but the patient.
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        patient_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_subject text NOT NULL,
        actor_role text NOT NULL,
        unit_id text,
        resource text NOT NULL,
        request_id uuid NOT NULL
      );
      CREATE INDEX access_log_by_patient ON access_log (patient_id, id DESC);

      -- First response to each (principal, Idempotency-Key); completed_at is null while it runs.
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        response jsonb,
        PRIMARY KEY (scope, key)
      );
    `,
  },
];

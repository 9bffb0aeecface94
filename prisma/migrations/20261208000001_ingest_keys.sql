-- Up Migration

-- Team ingest keys (issue 12): write-only keys an agent's OpenTelemetry exporter sends to
-- /api/otlp. Unlike API tokens they are embedded in downloaded team policy files, so owners and
-- admins must be able to see them again: the key is kept encrypted (AES-256-GCM with a key
-- derived from the server secret, lib/ingest-keys/crypto.ts), next to the sha256 that
-- authenticates a request with one indexed lookup. A rotation keeps the previous key's hash
-- valid until previous_expires_at (the grace period); revoking ends both at once.
--
-- The key's id is also the id of its "stream" upload row (format 'otlp'): every record the key
-- sends carries it as upload_id, so the uploads list shows the stream and deleting it removes
-- its records like any upload.
CREATE TABLE ingest_key (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id               uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  team_id              uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  name                 text NOT NULL,
  prefix               text NOT NULL,
  key_hash             text NOT NULL,
  key_ciphertext       text NOT NULL,
  previous_hash        text,
  previous_expires_at  timestamptz(3),
  created_by           uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  rotated_at           timestamptz(3),
  last_used_at         timestamptz(3),
  revoked_at           timestamptz(3)
);
CREATE UNIQUE INDEX ingest_key_key_hash_key ON ingest_key (key_hash);
CREATE UNIQUE INDEX ingest_key_previous_hash_key ON ingest_key (previous_hash);
CREATE INDEX ingest_key_org_id_team_id_idx ON ingest_key (org_id, team_id);

-- Down Migration

DROP TABLE ingest_key;

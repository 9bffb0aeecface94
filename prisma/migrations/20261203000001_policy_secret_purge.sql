-- Up Migration

-- Project overrides are a settings write like a template version: the risks their author
-- explicitly accepted (trust-all, hardcoded-secret) are stored with them.
ALTER TABLE project ADD COLUMN acknowledged_risks text[] NOT NULL DEFAULT '{}';

-- When a template's stored versions last had literal secrets purged; part of the download
-- cache key, so no worker serves bytes exported before the purge.
ALTER TABLE policy_template ADD COLUMN secrets_purged_at timestamptz(3);
-- When this version's literal secrets were redacted in place (NULL: never).
ALTER TABLE policy_version ADD COLUMN secrets_purged_at timestamptz(3);

-- Versions stay immutable, with one deliberate, narrow exception: the secret purge. It runs
-- through purge_policy_version_secrets() below, which marks its own transaction; the trigger
-- then allows exactly one change — new settings and the purge time on the row being purged —
-- and nothing else (not the version number, author, note, acknowledgements or creation time).
CREATE OR REPLACE FUNCTION policy_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('pilotlight.purging_policy_version', true) = OLD.id::text
     AND NEW.id = OLD.id AND NEW.org_id = OLD.org_id AND NEW.template_id = OLD.template_id
     AND NEW.version = OLD.version AND NEW.note = OLD.note
     AND NEW.author_id IS NOT DISTINCT FROM OLD.author_id AND NEW.author_label = OLD.author_label
     AND NEW.acknowledged_risks = OLD.acknowledged_risks AND NEW.created_at = OLD.created_at
     AND NEW.secrets_purged_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'policy versions are immutable';
  END IF;
  RETURN OLD;
END;
$$;

-- Replaces the settings of one version with their redacted form (computed by the application,
-- which also writes the audit row in the same transaction). Used only by the secret purge.
CREATE FUNCTION purge_policy_version_secrets(p_version_id uuid, p_settings jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('pilotlight.purging_policy_version', p_version_id::text, true);
  UPDATE policy_version SET settings = p_settings, secrets_purged_at = now() WHERE id = p_version_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'policy version % not found', p_version_id;
  END IF;
  PERFORM set_config('pilotlight.purging_policy_version', '', true);
END;
$$;

-- Down Migration

DROP FUNCTION purge_policy_version_secrets(uuid, jsonb);
CREATE OR REPLACE FUNCTION policy_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'policy versions are immutable';
  END IF;
  RETURN OLD;
END;
$$;
ALTER TABLE policy_version DROP COLUMN secrets_purged_at;
ALTER TABLE policy_template DROP COLUMN secrets_purged_at;
ALTER TABLE project DROP COLUMN acknowledged_risks;

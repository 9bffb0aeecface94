-- Up Migration

CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'EDITOR', 'AUDITOR');

CREATE TABLE organization (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT organization_name_key UNIQUE (name)
);

CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Always stored lower-cased so sign-in is case-insensitive without citext.
  email          text NOT NULL,
  name           text,
  -- NULL for users who only sign in through OIDC.
  password_hash  text,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT app_user_email_key UNIQUE (email),
  CONSTRAINT app_user_email_lower CHECK (email = lower(email))
);

CREATE TABLE membership (
  org_id      uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role        "Role" NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX membership_user_id_idx ON membership (user_id);

CREATE TABLE api_token (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  -- The member the token acts for: it never has more rights than this member has now.
  user_id       uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name          text NOT NULL,
  -- First characters of the secret, shown in lists so a leaked token can be recognised.
  prefix        text NOT NULL,
  -- sha256 of the whole token; the token itself is never stored.
  token_hash    text NOT NULL,
  scopes        text[] NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at  timestamptz(3),
  revoked_at    timestamptz(3),
  CONSTRAINT api_token_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX api_token_org_id_idx ON api_token (org_id);

-- Append-only, hash-chained record of every admin action. Rows without an organization
-- (a failed sign-in for an unknown e-mail) form their own chain.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  org_id         uuid REFERENCES organization(id) ON DELETE RESTRICT,
  seq            integer NOT NULL,
  created_at     timestamptz(3) NOT NULL,
  actor_type     text NOT NULL,
  actor_id       text,
  actor_label    text,
  action         text NOT NULL,
  target_type    text,
  target_id      text,
  before         jsonb,
  after          jsonb,
  details        jsonb,
  content_hash   text NOT NULL,
  prev_hash      text,
  hash           text NOT NULL,
  CONSTRAINT audit_log_org_id_seq_key UNIQUE NULLS NOT DISTINCT (org_id, seq)
);
CREATE INDEX audit_log_org_id_created_at_idx ON audit_log (org_id, created_at);
CREATE INDEX audit_log_action_target_id_created_at_idx ON audit_log (action, target_id, created_at);

-- The log is append-only for the application: rewriting history needs a superuser
-- who disables this trigger, and verify-audit-log then finds the broken link.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Down Migration

DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE api_token;
DROP TABLE membership;
DROP TABLE app_user;
DROP TABLE organization;
DROP TYPE "Role";

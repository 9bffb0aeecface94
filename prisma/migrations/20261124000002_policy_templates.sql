-- Up Migration

CREATE TYPE "Environment" AS ENUM ('development', 'production');

CREATE TABLE policy_template (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  name            text NOT NULL,
  description     text NOT NULL DEFAULT '',
  -- Number of the newest version; moved forward in the transaction that inserts it, under a
  -- row lock, which is what makes a save against a stale base version a 409.
  latest_version  integer NOT NULL DEFAULT 0,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  updated_at      timestamptz(3) NOT NULL DEFAULT now(),
  archived_at     timestamptz(3),
  CONSTRAINT policy_template_org_id_name_key UNIQUE (org_id, name)
);

CREATE TABLE policy_version (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id              uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  template_id         uuid NOT NULL REFERENCES policy_template(id) ON DELETE CASCADE,
  version             integer NOT NULL CHECK (version >= 1),
  settings            jsonb NOT NULL,
  note                text NOT NULL DEFAULT '',
  author_id           uuid REFERENCES app_user(id) ON DELETE SET NULL,
  author_label        text NOT NULL,
  -- Lint rules the author explicitly accepted when saving (e.g. trust-all).
  acknowledged_risks  text[] NOT NULL DEFAULT '{}',
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT policy_version_template_id_version_key UNIQUE (template_id, version)
);

-- Versions are immutable: editing creates a new one.
CREATE FUNCTION policy_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'policy versions are immutable';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER policy_version_no_update
  BEFORE UPDATE ON policy_version
  FOR EACH ROW EXECUTE FUNCTION policy_version_immutable();

CREATE TABLE team (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  name            text NOT NULL,
  slug            text NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
  environment     "Environment" NOT NULL,
  -- The team layer: a template, pinned to a version or (NULL) following its latest.
  template_id     uuid REFERENCES policy_template(id) ON DELETE RESTRICT,
  pinned_version  integer CHECK (pinned_version >= 1),
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  updated_at      timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT team_org_id_slug_key UNIQUE (org_id, slug),
  CONSTRAINT team_org_id_name_key UNIQUE (org_id, name),
  CONSTRAINT team_pinned_needs_template CHECK (pinned_version IS NULL OR template_id IS NOT NULL)
);
CREATE INDEX team_template_id_idx ON team (template_id);

-- The global layer: the organization's default template.
CREATE TABLE org_policy (
  org_id          uuid PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
  template_id     uuid NOT NULL REFERENCES policy_template(id) ON DELETE RESTRICT,
  pinned_version  integer CHECK (pinned_version >= 1),
  updated_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX org_policy_template_id_idx ON org_policy (template_id);

-- The project layer: field overrides for one project of a team (highest priority).
CREATE TABLE project (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  team_id     uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?$'),
  overrides   jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT project_team_id_slug_key UNIQUE (team_id, slug)
);

-- Down Migration

DROP TABLE project;
DROP TABLE org_policy;
DROP TABLE team;
DROP TABLE policy_version;
DROP FUNCTION policy_version_immutable();
DROP TABLE policy_template;
DROP TYPE "Environment";

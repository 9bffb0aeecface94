-- Up Migration

-- Daily (UTC) rollups for the dashboards' 90-day views (issue 11). The hourly rollups keep
-- every combination of team, kind, feature, name, client and OS per hour, which over 90 days is
-- millions of rows; these keep one dimension at a time per day, so a chart reads thousands.
-- Charts use them for UTC day and week buckets and the hourly rollups otherwise. Maintained like
-- 20261202100000's tables: statement triggers with transition tables on the record tables.

CREATE TABLE telemetry_dim_daily (
  org_id            uuid NOT NULL,
  dim               text NOT NULL,   -- 'kind' | 'feature' (feature_used only) | 'os' | 'version'
  day               date NOT NULL,
  team_id           uuid NOT NULL,
  client            text NOT NULL,
  value             text NOT NULL,
  events            bigint NOT NULL,
  while_disabled    bigint NOT NULL,
  privacy_findings  bigint NOT NULL,
  PRIMARY KEY (org_id, dim, day, team_id, client, value)
);

CREATE TABLE latency_daily (
  org_id   uuid NOT NULL,
  day      date NOT NULL,
  team_id  uuid NOT NULL,
  name     text NOT NULL,
  bucket   integer NOT NULL,
  events   bigint NOT NULL,
  PRIMARY KEY (org_id, day, team_id, name, bucket)
);

CREATE TABLE command_daily (
  org_id     uuid NOT NULL,
  day        date NOT NULL,
  team_id    uuid NOT NULL,
  client     text NOT NULL,
  decision   text NOT NULL,
  dangerous  boolean NOT NULL,
  untrusted  boolean NOT NULL,
  events     bigint NOT NULL,
  PRIMARY KEY (org_id, day, team_id, client, decision, dangerous, untrusted)
);

CREATE TABLE prompt_daily (
  org_id          uuid NOT NULL,
  day             date NOT NULL,
  team_id         uuid NOT NULL,
  kind            text NOT NULL,
  trigger_type    text NOT NULL,
  model_id        text NOT NULL,
  prompts         bigint NOT NULL,
  secrets_masked  bigint NOT NULL,
  PRIMARY KEY (org_id, day, team_id, kind, trigger_type, model_id)
);

-- Static SQL per table (transition tables are visible only to the trigger function's own statements).
CREATE FUNCTION dashboard_daily_telemetry_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO telemetry_dim_daily AS r (org_id, dim, day, team_id, client, value, events, while_disabled, privacy_findings)
    SELECT org_id, d.dim, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), d.value,
           -1 * count(*), -1 * count(*) FILTER (WHERE telemetry_disabled), -1 * coalesce(sum(cardinality(privacy)), 0)
      FROM old_rows, LATERAL (VALUES ('kind', kind), ('feature', CASE WHEN kind = 'feature_used' THEN coalesce(feature, '') END),
                               ('os', coalesce(os, '')), ('version', coalesce(client_version, ''))) AS d(dim, value)
     WHERE d.value IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, dim, day, team_id, client, value) DO UPDATE SET events = r.events + EXCLUDED.events,
       while_disabled = r.while_disabled + EXCLUDED.while_disabled, privacy_findings = r.privacy_findings + EXCLUDED.privacy_findings;
    INSERT INTO latency_daily AS r (org_id, day, team_id, name, bucket, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(name, ''), latency_bucket(duration_ms), -1 * count(*)
      FROM old_rows WHERE kind = 'performance' AND duration_ms IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, day, team_id, name, bucket) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO command_daily AS r (org_id, day, team_id, client, decision, dangerous, untrusted, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), coalesce(decision, ''),
           coalesce(dangerous, false), coalesce(untrusted, false), -1 * count(*)
      FROM old_rows WHERE kind = 'command_executed'
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (org_id, day, team_id, client, decision, dangerous, untrusted) DO UPDATE SET events = r.events + EXCLUDED.events;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO telemetry_dim_daily AS r (org_id, dim, day, team_id, client, value, events, while_disabled, privacy_findings)
    SELECT org_id, d.dim, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), d.value,
           1 * count(*), 1 * count(*) FILTER (WHERE telemetry_disabled), 1 * coalesce(sum(cardinality(privacy)), 0)
      FROM new_rows, LATERAL (VALUES ('kind', kind), ('feature', CASE WHEN kind = 'feature_used' THEN coalesce(feature, '') END),
                               ('os', coalesce(os, '')), ('version', coalesce(client_version, ''))) AS d(dim, value)
     WHERE d.value IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, dim, day, team_id, client, value) DO UPDATE SET events = r.events + EXCLUDED.events,
       while_disabled = r.while_disabled + EXCLUDED.while_disabled, privacy_findings = r.privacy_findings + EXCLUDED.privacy_findings;
    INSERT INTO latency_daily AS r (org_id, day, team_id, name, bucket, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(name, ''), latency_bucket(duration_ms), 1 * count(*)
      FROM new_rows WHERE kind = 'performance' AND duration_ms IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, day, team_id, name, bucket) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO command_daily AS r (org_id, day, team_id, client, decision, dangerous, untrusted, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), coalesce(decision, ''),
           coalesce(dangerous, false), coalesce(untrusted, false), 1 * count(*)
      FROM new_rows WHERE kind = 'command_executed'
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (org_id, day, team_id, client, decision, dangerous, untrusted) DO UPDATE SET events = r.events + EXCLUDED.events;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM telemetry_dim_daily WHERE org_id IN (SELECT DISTINCT org_id FROM old_rows) AND events = 0;
    DELETE FROM latency_daily WHERE org_id IN (SELECT DISTINCT org_id FROM old_rows) AND events = 0;
    DELETE FROM command_daily WHERE org_id IN (SELECT DISTINCT org_id FROM old_rows) AND events = 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION dashboard_daily_prompt_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO prompt_daily AS r (org_id, day, team_id, kind, trigger_type, model_id, prompts, secrets_masked)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, coalesce(trigger_type, ''), coalesce(model_id, ''),
           -1 * count(*), -1 * coalesce(sum(secrets_masked), 0)
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, day, team_id, kind, trigger_type, model_id) DO UPDATE SET prompts = r.prompts + EXCLUDED.prompts,
       secrets_masked = r.secrets_masked + EXCLUDED.secrets_masked;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO prompt_daily AS r (org_id, day, team_id, kind, trigger_type, model_id, prompts, secrets_masked)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, coalesce(trigger_type, ''), coalesce(model_id, ''),
           1 * count(*), 1 * coalesce(sum(secrets_masked), 0)
      FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, day, team_id, kind, trigger_type, model_id) DO UPDATE SET prompts = r.prompts + EXCLUDED.prompts,
       secrets_masked = r.secrets_masked + EXCLUDED.secrets_masked;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM prompt_daily WHERE org_id IN (SELECT DISTINCT org_id FROM old_rows) AND prompts = 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER telemetry_event_daily_insert AFTER INSERT ON telemetry_event
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_daily_telemetry_apply();
CREATE TRIGGER telemetry_event_daily_delete AFTER DELETE ON telemetry_event
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_daily_telemetry_apply();
CREATE TRIGGER telemetry_event_daily_update AFTER UPDATE ON telemetry_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_daily_telemetry_apply();
CREATE TRIGGER prompt_log_record_daily_insert AFTER INSERT ON prompt_log_record
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_daily_prompt_apply();
CREATE TRIGGER prompt_log_record_daily_delete AFTER DELETE ON prompt_log_record
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_daily_prompt_apply();
CREATE TRIGGER prompt_log_record_daily_update AFTER UPDATE ON prompt_log_record
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_daily_prompt_apply();

-- Backfill from what is already stored.
INSERT INTO telemetry_dim_daily AS r (org_id, dim, day, team_id, client, value, events, while_disabled, privacy_findings)
    SELECT org_id, d.dim, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), d.value,
           1 * count(*), 1 * count(*) FILTER (WHERE telemetry_disabled), 1 * coalesce(sum(cardinality(privacy)), 0)
      FROM telemetry_event, LATERAL (VALUES ('kind', kind), ('feature', CASE WHEN kind = 'feature_used' THEN coalesce(feature, '') END),
                               ('os', coalesce(os, '')), ('version', coalesce(client_version, ''))) AS d(dim, value)
     WHERE d.value IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, dim, day, team_id, client, value) DO UPDATE SET events = r.events + EXCLUDED.events,
       while_disabled = r.while_disabled + EXCLUDED.while_disabled, privacy_findings = r.privacy_findings + EXCLUDED.privacy_findings;
    INSERT INTO latency_daily AS r (org_id, day, team_id, name, bucket, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(name, ''), latency_bucket(duration_ms), 1 * count(*)
      FROM telemetry_event WHERE kind = 'performance' AND duration_ms IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, day, team_id, name, bucket) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO command_daily AS r (org_id, day, team_id, client, decision, dangerous, untrusted, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), coalesce(decision, ''),
           coalesce(dangerous, false), coalesce(untrusted, false), 1 * count(*)
      FROM telemetry_event WHERE kind = 'command_executed'
     GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (org_id, day, team_id, client, decision, dangerous, untrusted) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO prompt_daily AS r (org_id, day, team_id, kind, trigger_type, model_id, prompts, secrets_masked)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, coalesce(trigger_type, ''), coalesce(model_id, ''),
           1 * count(*), 1 * coalesce(sum(secrets_masked), 0)
      FROM prompt_log_record GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (org_id, day, team_id, kind, trigger_type, model_id) DO UPDATE SET prompts = r.prompts + EXCLUDED.prompts,
       secrets_masked = r.secrets_masked + EXCLUDED.secrets_masked;

-- Down Migration

DROP TRIGGER prompt_log_record_daily_update ON prompt_log_record;
DROP TRIGGER prompt_log_record_daily_delete ON prompt_log_record;
DROP TRIGGER prompt_log_record_daily_insert ON prompt_log_record;
DROP TRIGGER telemetry_event_daily_update ON telemetry_event;
DROP TRIGGER telemetry_event_daily_delete ON telemetry_event;
DROP TRIGGER telemetry_event_daily_insert ON telemetry_event;
DROP FUNCTION dashboard_daily_prompt_apply();
DROP FUNCTION dashboard_daily_telemetry_apply();
DROP TABLE prompt_daily;
DROP TABLE command_daily;
DROP TABLE latency_daily;
DROP TABLE telemetry_dim_daily;

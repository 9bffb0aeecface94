-- Up Migration

-- Dashboard rollups (issue 11) that the ingestion rollups (20261202000001) do not carry:
-- telemetry by client *and version*, and error messages / executed commands by their text (top
-- errors, policy insights). They are maintained by statement-level triggers on telemetry_event
-- with transition tables, so every INSERT (ingest), DELETE (upload delete, retention) and UPDATE
-- (identity re-application moving rows between teams) moves them by exactly the affected rows,
-- in the same statement, without the ingestion code knowing about them.

CREATE TABLE client_version_hourly (
  org_id          uuid NOT NULL,
  hour            timestamptz(3) NOT NULL,
  team_id         uuid NOT NULL,
  client          text NOT NULL,
  client_version  text NOT NULL,
  events          bigint NOT NULL,
  PRIMARY KEY (org_id, hour, team_id, client, client_version)
);

-- Per UTC day: error messages (kind 'error') and commands (kind 'command_executed') with how
-- they were decided and classified. text_hash (md5 of the text) keys the row, because a text of
-- up to 10,000 characters does not fit in a B-tree entry.
CREATE TABLE telemetry_text_daily (
  org_id     uuid NOT NULL,
  day        date NOT NULL,
  team_id    uuid NOT NULL,
  kind       text NOT NULL,
  text_hash  text NOT NULL,
  decision   text NOT NULL,
  dangerous  boolean NOT NULL,
  untrusted  boolean NOT NULL,
  text       text NOT NULL,
  events     bigint NOT NULL,
  PRIMARY KEY (org_id, kind, day, team_id, text_hash, decision, dangerous, untrusted)
);

-- Drill-down into prompt records of a team and period (the ingestion indexes serve users and uploads).
CREATE INDEX prompt_log_record_org_id_team_id_ts_idx ON prompt_log_record (org_id, team_id, ts);

CREATE FUNCTION dashboard_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO client_version_hourly AS r (org_id, hour, team_id, client, client_version, events)
    SELECT org_id, date_trunc('hour', ts, 'UTC'), coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid),
           coalesce(client, ''), coalesce(client_version, ''), -count(*)
      FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, hour, team_id, client, client_version) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO telemetry_text_daily AS r (org_id, day, team_id, kind, text_hash, decision, dangerous, untrusted, text, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind,
           md5(coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')), coalesce(decision, ''),
           coalesce(dangerous, false), coalesce(untrusted, false),
           min(coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')), -count(*)
      FROM old_rows WHERE kind IN ('error', 'command_executed') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (org_id, kind, day, team_id, text_hash, decision, dangerous, untrusted) DO UPDATE SET events = r.events + EXCLUDED.events;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO client_version_hourly AS r (org_id, hour, team_id, client, client_version, events)
    SELECT org_id, date_trunc('hour', ts, 'UTC'), coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid),
           coalesce(client, ''), coalesce(client_version, ''), count(*)
      FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, hour, team_id, client, client_version) DO UPDATE SET events = r.events + EXCLUDED.events;
    INSERT INTO telemetry_text_daily AS r (org_id, day, team_id, kind, text_hash, decision, dangerous, untrusted, text, events)
    SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind,
           md5(coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')), coalesce(decision, ''),
           coalesce(dangerous, false), coalesce(untrusted, false),
           min(coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')), count(*)
      FROM new_rows WHERE kind IN ('error', 'command_executed') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (org_id, kind, day, team_id, text_hash, decision, dangerous, untrusted) DO UPDATE SET events = r.events + EXCLUDED.events;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM client_version_hourly WHERE org_id IN (SELECT DISTINCT org_id FROM old_rows) AND events = 0;
    DELETE FROM telemetry_text_daily WHERE org_id IN (SELECT DISTINCT org_id FROM old_rows) AND events = 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER telemetry_event_dashboard_insert AFTER INSERT ON telemetry_event
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollups_apply();
CREATE TRIGGER telemetry_event_dashboard_delete AFTER DELETE ON telemetry_event
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollups_apply();
CREATE TRIGGER telemetry_event_dashboard_update AFTER UPDATE ON telemetry_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollups_apply();

-- Backfill from what is already stored.
INSERT INTO client_version_hourly (org_id, hour, team_id, client, client_version, events)
SELECT org_id, date_trunc('hour', ts, 'UTC'), coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(client, ''), coalesce(client_version, ''), count(*)
  FROM telemetry_event GROUP BY 1, 2, 3, 4, 5;
INSERT INTO telemetry_text_daily (org_id, day, team_id, kind, text_hash, decision, dangerous, untrusted, text, events)
SELECT org_id, (ts AT TIME ZONE 'UTC')::date, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), kind,
       md5(coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')), coalesce(decision, ''), coalesce(dangerous, false), coalesce(untrusted, false),
       min(coalesce(CASE WHEN kind = 'error' THEN message ELSE command END, '')), count(*)
  FROM telemetry_event WHERE kind IN ('error', 'command_executed') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- Down Migration

DROP TRIGGER telemetry_event_dashboard_update ON telemetry_event;
DROP TRIGGER telemetry_event_dashboard_delete ON telemetry_event;
DROP TRIGGER telemetry_event_dashboard_insert ON telemetry_event;
DROP FUNCTION dashboard_rollups_apply();
DROP INDEX prompt_log_record_org_id_team_id_ts_idx;
DROP TABLE telemetry_text_daily;
DROP TABLE client_version_hourly;

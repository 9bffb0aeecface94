-- Up Migration

-- Event ingestion (issue 10): uploads, the three record tables (partitioned by month), findings,
-- the identity map, retention, and the rollups the dashboards read.
--
-- Every primary and unique key starts with org_id, so the schema can be distributed by
-- organization later (Citus) without changes. Record tables have no foreign keys: a per-row FK
-- check would cost ingest throughput, and deletes go through lib/ingest, which also subtracts
-- the rollups. Partitions (<table>_pYYYYMM) are created ahead by ensure_month_partition().

CREATE TYPE "UploadStatus" AS ENUM ('completed', 'failed');

CREATE TABLE upload (
  org_id          uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  file_name       text NOT NULL,
  sha256          text NOT NULL,
  size_bytes      bigint NOT NULL,
  format          text NOT NULL,
  team_id         uuid REFERENCES team(id) ON DELETE SET NULL,
  mode            text NOT NULL,
  status          "UploadStatus" NOT NULL,
  accepted        integer NOT NULL DEFAULT 0,
  duplicates      integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  -- The first errors ([{record, message}], capped) and the finding counts of the result.
  errors          jsonb NOT NULL DEFAULT '[]',
  stats           jsonb NOT NULL DEFAULT '{}',
  uploader_id     uuid REFERENCES app_user(id) ON DELETE SET NULL,
  uploader_label  text NOT NULL,
  duration_ms     integer NOT NULL DEFAULT 0,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX upload_org_id_created_at_idx ON upload (org_id, created_at);

-- Telemetry events (DESIGN §Event formats 1). De-duplicated by (org, event id): the id the
-- producer gave, or "sha256:<hex>" of the canonical record. The partition key (ts) must be part
-- of the key, so the same id with another timestamp is another event.
CREATE TABLE telemetry_event (
  org_id                   uuid NOT NULL,
  ts                       timestamptz(3) NOT NULL,
  event_id                 text NOT NULL,
  upload_id                uuid NOT NULL,
  team_id                  uuid,
  user_key                 text,
  client                   text,
  client_version           text,
  os                       text,
  kind                     text NOT NULL,
  feature                  text,
  name                     text,
  duration_ms              integer,
  message                  text,
  command                  text,
  decision                 text,
  -- Classification of command_executed events, and the policy it was made against.
  dangerous                boolean,
  danger_reasons           text[] NOT NULL DEFAULT '{}',
  untrusted                boolean,
  covered_as_tool_matches  boolean,
  covered_strictly         boolean,
  policy_ref               text,
  -- The team's effective policy had telemetry.enabled = false (the machine ignored it).
  telemetry_disabled       boolean NOT NULL DEFAULT false,
  -- "field:rule" of every privacy redaction (the redacted text is never kept).
  privacy                  text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, event_id, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX telemetry_event_org_id_upload_id_idx ON telemetry_event (org_id, upload_id);
CREATE INDEX telemetry_event_org_id_team_id_ts_idx ON telemetry_event (org_id, team_id, ts);

-- Amazon Q Developer / Kiro prompt-log records (chat and inline), by (org, requestId).
CREATE TABLE prompt_log_record (
  org_id             uuid NOT NULL,
  ts                 timestamptz(3) NOT NULL,
  request_id         text NOT NULL,
  upload_id          uuid NOT NULL,
  team_id            uuid,
  kind               text NOT NULL,
  user_id            text NOT NULL,
  user_key           text NOT NULL,
  trigger_type       text,
  model_id           text,
  customization_arn  text,
  conversation_id    text,
  file_name          text,
  -- Prompt text, response, left/right context and completions, secrets masked.
  prompt             text,
  response           text,
  left_context       text,
  right_context      text,
  completions        text[] NOT NULL DEFAULT '{}',
  secrets_masked     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, request_id, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX prompt_log_record_org_id_upload_id_idx ON prompt_log_record (org_id, upload_id);
CREATE INDEX prompt_log_record_org_id_user_key_ts_idx ON prompt_log_record (org_id, user_key, ts);

-- One user-day of a Q Developer by_user_analytic or Kiro user_report CSV, by (org, user, date, client).
CREATE TABLE user_activity_day (
  org_id       uuid NOT NULL,
  day          date NOT NULL,
  user_key     text NOT NULL,
  client_type  text NOT NULL,
  upload_id    uuid NOT NULL,
  team_id      uuid,
  source       text NOT NULL,
  email        text,
  -- Known counters by column name (empty cells = 0), and unknown columns as they were.
  metrics      jsonb NOT NULL,
  extra        jsonb,
  PRIMARY KEY (org_id, user_key, day, client_type)
) PARTITION BY RANGE (day);
CREATE INDEX user_activity_day_org_id_upload_id_idx ON user_activity_day (org_id, upload_id);

-- Privacy findings in telemetry: which event, which field, which rule; never the text.
CREATE TABLE privacy_finding (
  org_id     uuid NOT NULL,
  event_id   text NOT NULL,
  ts         timestamptz(3) NOT NULL,
  field      text NOT NULL,
  rule       text NOT NULL,
  upload_id  uuid NOT NULL,
  team_id    uuid,
  PRIMARY KEY (org_id, event_id, ts, field, rule)
);
CREATE INDEX privacy_finding_org_id_upload_id_idx ON privacy_finding (org_id, upload_id);

-- The identity map: ids found in logs (the guid of "d-xxxx.<guid>", or an e-mail) → person and team.
CREATE TABLE identity (
  org_id      uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  user_key    text NOT NULL,
  email       text,
  team_id     uuid REFERENCES team(id) ON DELETE SET NULL,
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_key)
);
CREATE INDEX identity_org_id_email_idx ON identity (org_id, email);

-- Per-organization ingestion settings: retention in days (NULL = keep everything).
CREATE TABLE ingest_settings (
  org_id          uuid PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
  retention_days  integer CHECK (retention_days >= 1),
  updated_at      timestamptz(3) NOT NULL DEFAULT now()
);

-- Rollups. team_id is the all-zero uuid for records without a team (keys cannot hold NULL);
-- text dimensions use '' for "none". Counters are added on ingest and subtracted on delete in
-- the same transaction, so they always equal a recount of the raw rows.
CREATE TABLE telemetry_hourly (
  org_id            uuid NOT NULL,
  hour              timestamptz(3) NOT NULL,
  team_id           uuid NOT NULL,
  kind              text NOT NULL,
  feature           text NOT NULL,
  name              text NOT NULL,
  client            text NOT NULL,
  os                text NOT NULL,
  events            bigint NOT NULL,
  while_disabled    bigint NOT NULL,
  privacy_findings  bigint NOT NULL,
  PRIMARY KEY (org_id, hour, team_id, kind, feature, name, client, os)
);

-- Latency as a log-scale histogram: bucket b counts durations in (γ^(b-1), γ^b] ms with
-- γ = 2^(1/4) (bucket 0: ≤ 1 ms), so buckets of any hours/teams add up and p50/p95 come out
-- within 19% (see lib/ingest/latency.ts).
CREATE TABLE latency_hourly (
  org_id   uuid NOT NULL,
  hour     timestamptz(3) NOT NULL,
  team_id  uuid NOT NULL,
  kind     text NOT NULL,
  name     text NOT NULL,
  bucket   integer NOT NULL,
  events   bigint NOT NULL,
  PRIMARY KEY (org_id, hour, team_id, kind, name, bucket)
);

CREATE TABLE command_hourly (
  org_id     uuid NOT NULL,
  hour       timestamptz(3) NOT NULL,
  team_id    uuid NOT NULL,
  decision   text NOT NULL,
  dangerous  boolean NOT NULL,
  untrusted  boolean NOT NULL,
  events     bigint NOT NULL,
  PRIMARY KEY (org_id, hour, team_id, decision, dangerous, untrusted)
);

CREATE TABLE daily_active_user (
  org_id    uuid NOT NULL,
  day       date NOT NULL,
  team_id   uuid NOT NULL,
  source    text NOT NULL,
  user_key  text NOT NULL,
  events    bigint NOT NULL,
  PRIMARY KEY (org_id, day, team_id, source, user_key)
);

CREATE TABLE prompt_hourly (
  org_id          uuid NOT NULL,
  hour            timestamptz(3) NOT NULL,
  team_id         uuid NOT NULL,
  kind            text NOT NULL,
  trigger_type    text NOT NULL,
  model_id        text NOT NULL,
  user_key        text NOT NULL,
  prompts         bigint NOT NULL,
  secrets_masked  bigint NOT NULL,
  PRIMARY KEY (org_id, hour, team_id, kind, trigger_type, model_id, user_key)
);

CREATE TABLE activity_daily (
  org_id       uuid NOT NULL,
  day          date NOT NULL,
  team_id      uuid NOT NULL,
  source       text NOT NULL,
  client_type  text NOT NULL,
  metric       text NOT NULL,
  value        double precision NOT NULL,
  users        bigint NOT NULL,
  PRIMARY KEY (org_id, day, team_id, source, client_type, metric)
);

-- The latency bucket of a duration (kept in SQL so ingest and delete compute it identically).
CREATE FUNCTION latency_bucket(ms integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ms IS NULL OR ms <= 1 THEN 0 ELSE ceil(4 * log(2, ms::numeric) - 1e-9)::integer END
$$;

-- Creates the monthly partition of `parent` that holds `at`, if missing. Safe to call
-- concurrently (an advisory lock per parent serializes the check-and-create).
CREATE FUNCTION ensure_month_partition(parent regclass, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  start_month date := date_trunc('month', at AT TIME ZONE 'UTC')::date;
  name text := parent::text || '_p' || to_char(start_month, 'YYYYMM');
  is_date boolean := parent::text = 'user_activity_day';
BEGIN
  IF to_regclass(name) IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partition:' || parent::text));
  IF to_regclass(name) IS NOT NULL THEN
    RETURN;
  END IF;
  IF is_date THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', name, parent, start_month, (start_month + interval '1 month')::date);
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', name, parent,
      (start_month::timestamp AT TIME ZONE 'UTC'), ((start_month + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
  END IF;
END;
$$;

-- Down Migration

DROP FUNCTION ensure_month_partition(regclass, timestamptz);
DROP FUNCTION latency_bucket(integer);
DROP TABLE activity_daily;
DROP TABLE prompt_hourly;
DROP TABLE daily_active_user;
DROP TABLE command_hourly;
DROP TABLE latency_hourly;
DROP TABLE telemetry_hourly;
DROP TABLE ingest_settings;
DROP TABLE identity;
DROP TABLE privacy_finding;
DROP TABLE user_activity_day;
DROP TABLE prompt_log_record;
DROP TABLE telemetry_event;
DROP TABLE upload;
DROP TYPE "UploadStatus";

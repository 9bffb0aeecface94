-- Up Migration

-- Every rollup is now written by lib/ingest/sql.ts (rollupCtes), never by a trigger:
--  * speed: an upload COPYs its records straight into the record table and builds the rollups
--    once, from its own rows, at the end (one pass per rollup), instead of an INSERT … SELECT
--    per batch that fired two statement triggers with transition tables;
--  * correctness: a retention purge deletes old records but must keep every rollup. The DELETE
--    triggers subtracted the daily and dashboard rollups on purge (the hourly ones, written by
--    lib, were kept), so a chart over a purged period lost its daily numbers.
-- Deletes and identity re-application already call the same SQL with sign -1/+1.
DROP TRIGGER telemetry_event_dashboard_insert ON telemetry_event;
DROP TRIGGER telemetry_event_dashboard_delete ON telemetry_event;
DROP TRIGGER telemetry_event_dashboard_update ON telemetry_event;
DROP TRIGGER telemetry_event_daily_insert ON telemetry_event;
DROP TRIGGER telemetry_event_daily_delete ON telemetry_event;
DROP TRIGGER telemetry_event_daily_update ON telemetry_event;
DROP TRIGGER prompt_log_record_daily_insert ON prompt_log_record;
DROP TRIGGER prompt_log_record_daily_delete ON prompt_log_record;
DROP TRIGGER prompt_log_record_daily_update ON prompt_log_record;
DROP FUNCTION dashboard_rollups_apply();
DROP FUNCTION dashboard_daily_telemetry_apply();
DROP FUNCTION dashboard_daily_prompt_apply();

-- Down Migration
-- Not reversible: the trigger functions are in 20261202100000 and 20261202100001; re-run those
-- definitions by hand if you ever go back.

-- Up Migration

-- Two uploads (in two web workers) that need the same new month raced: the advisory lock
-- serialised them, but taking an advisory lock does not refresh the catalog snapshot, so the
-- second one's `to_regclass` still saw no partition and its CREATE TABLE failed with
-- 42P07 "relation … already exists" (an upload answered 500). The lock stays (it keeps two
-- creators from blocking each other on the parent's lock order); a partition someone else
-- created in the meantime is now simply success.
CREATE OR REPLACE FUNCTION ensure_month_partition(parent regclass, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  start_month date := date_trunc('month', at AT TIME ZONE 'UTC')::date;
  name text := parent::text || '_p' || to_char(start_month, 'YYYYMM');
  is_date boolean := parent::text = 'user_activity_day';
BEGIN
  IF to_regclass(name) IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partition:' || parent::text));
  BEGIN
    IF is_date THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', name, parent, start_month, (start_month + interval '1 month')::date);
    ELSE
      EXECUTE format('CREATE TABLE %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', name, parent,
        (start_month::timestamp AT TIME ZONE 'UTC'), ((start_month + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
    END IF;
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    -- Created by a concurrent transaction that has committed: exactly what we wanted.
    NULL;
  END;
END;
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION ensure_month_partition(parent regclass, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
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

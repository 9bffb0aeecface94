-- Up Migration

-- Appends one row to an organization's audit chain in a single statement (one round trip):
-- takes the chain's advisory lock (held to the end of the caller's transaction), reads the chain
-- head with a fresh snapshot (PL/pgSQL statements in a VOLATILE function each get one), and
-- inserts the row with hash = sha256(prev_hash ‖ content_hash). The content hash is computed by
-- the application from the canonical JSON of the row (lib/audit/chain.ts).
CREATE FUNCTION audit_append(
  p_org_id uuid, p_created_at timestamptz, p_actor_type text, p_actor_id text, p_actor_label text,
  p_action text, p_target_type text, p_target_id text, p_before jsonb, p_after jsonb, p_details jsonb,
  p_content_hash text
) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head record;
  next_seq integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(p_org_id::text, 'system'), 0));
  IF p_org_id IS NULL THEN
    SELECT seq, hash INTO head FROM audit_log WHERE org_id IS NULL ORDER BY seq DESC LIMIT 1;
  ELSE
    SELECT seq, hash INTO head FROM audit_log WHERE org_id = p_org_id ORDER BY seq DESC LIMIT 1;
  END IF;
  next_seq := coalesce(head.seq, 0) + 1;
  INSERT INTO audit_log (org_id, seq, created_at, actor_type, actor_id, actor_label, action, target_type,
                         target_id, before, after, details, content_hash, prev_hash, hash)
  VALUES (p_org_id, next_seq, p_created_at, p_actor_type, p_actor_id, p_actor_label, p_action, p_target_type,
          p_target_id, p_before, p_after, p_details, p_content_hash, head.hash,
          encode(sha256(convert_to(coalesce(head.hash, '') || p_content_hash, 'UTF8')), 'hex'));
  RETURN next_seq;
END;
$$;

-- Appends many rows (a JSON array of objects with the audit_append parameters, camelCase) in
-- array order. lib/audit/append-queue.ts sends rows that are transactions of their own (policy
-- downloads) in batches: one lock, one round trip and one commit for every download that arrived
-- while the previous batch was being written. With p_async the commit does not wait for the WAL
-- flush: a PostgreSQL crash can lose the last fraction of a second of such rows, never corrupt
-- the chain (WAL replay restores a prefix of it). Admin changes never use this path.
CREATE FUNCTION audit_append_batch(p_rows jsonb, p_async boolean) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r jsonb;
  org uuid := (p_rows->0->>'orgId')::uuid;
  head_seq integer;
  head_hash text;
  row_hash text;
  appended integer := 0;
BEGIN
  IF p_async THEN
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  -- One chain per batch: lock it and read its head once, then link the rows in array order.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(org::text, 'system'), 0));
  IF org IS NULL THEN
    SELECT seq, hash INTO head_seq, head_hash FROM audit_log WHERE org_id IS NULL ORDER BY seq DESC LIMIT 1;
  ELSE
    SELECT seq, hash INTO head_seq, head_hash FROM audit_log WHERE org_id = org ORDER BY seq DESC LIMIT 1;
  END IF;
  FOR r IN SELECT value FROM jsonb_array_elements(p_rows) WITH ORDINALITY ORDER BY ordinality LOOP
    IF (r->>'orgId')::uuid IS DISTINCT FROM org THEN
      RAISE EXCEPTION 'audit_append_batch: every row of a batch must belong to the same organization';
    END IF;
    head_seq := coalesce(head_seq, 0) + 1;
    row_hash := encode(sha256(convert_to(coalesce(head_hash, '') || (r->>'contentHash'), 'UTF8')), 'hex');
    INSERT INTO audit_log (org_id, seq, created_at, actor_type, actor_id, actor_label, action, target_type,
                           target_id, before, after, details, content_hash, prev_hash, hash)
    VALUES (org, head_seq, (r->>'createdAt')::timestamptz, r->>'actorType', r->>'actorId', r->>'actorLabel',
            r->>'action', r->>'targetType', r->>'targetId',
            nullif(r->'before', 'null'::jsonb), nullif(r->'after', 'null'::jsonb), nullif(r->'details', 'null'::jsonb),
            r->>'contentHash', head_hash, row_hash);
    head_hash := row_hash;
    appended := appended + 1;
  END LOOP;
  RETURN appended;
END;
$$;

-- Down Migration

DROP FUNCTION audit_append_batch(jsonb, boolean);
DROP FUNCTION audit_append(uuid, timestamptz, text, text, text, text, text, text, jsonb, jsonb, jsonb, text);

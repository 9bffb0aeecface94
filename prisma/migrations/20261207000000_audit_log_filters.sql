-- Up Migration

-- The audit-log viewer filters one organization's log by action (a group is a list of actions)
-- and pages newest first by seq. Without this index a filter for a rare action (template
-- changes) walks every download row of the organization to fill a page; with it PostgreSQL
-- reads only the matching rows. Actor and target filters are rarer and stay on (org_id, seq).
CREATE INDEX audit_log_org_id_action_seq_idx ON audit_log (org_id, action, seq);

-- Down Migration

DROP INDEX audit_log_org_id_action_seq_idx;

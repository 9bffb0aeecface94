/** Every action the audit log records, with the words the UI shows for it. */
export const AUDIT_ACTIONS = {
  'setup.completed': 'Completed first-run setup',
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'member.added': 'Added a member',
  'member.role_changed': "Changed a member's role",
  'member.removed': 'Removed a member',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
  'template.created': 'Created a policy template',
  'template.version_created': 'Saved a new template version',
  'template.archived': 'Archived a policy template',
  'template.secrets_purged': 'Purged literal secrets from template versions',
  'policy.downloaded': 'Downloaded a policy file',
  'team.created': 'Created a team',
  'team.updated': 'Changed a team',
  'team.deleted': 'Deleted a team',
  'policy.org_assigned': 'Set the organization default policy',
  'policy.team_assigned': "Set a team's policy",
  'project.overrides_set': "Set a project's overrides",
  'project.deleted': 'Deleted a project',
  'upload.created': 'Uploaded events',
  'upload.deleted': 'Deleted an upload',
  'identities.imported': 'Imported the identity map',
  'retention.changed': 'Changed the event retention',
  'ingest_key.created': 'Created a team ingest key',
  'ingest_key.revealed': 'Showed a team ingest key',
  'ingest_key.rotated': 'Rotated a team ingest key',
  'ingest_key.revoked': 'Revoked a team ingest key',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function describeAuditAction(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

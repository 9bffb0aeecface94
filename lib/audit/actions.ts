/** Every action the audit log records, with the words the UI shows for it. */
export const AUDIT_ACTIONS = {
  'setup.completed': 'Completed first-run setup',
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'member.added': 'Added a member',
  'member.invited': 'Invited a member',
  'invitation.revoked': 'Withdrew an invitation',
  'invitation.accepted': 'Accepted an invitation and joined',
  'invitation.declined': 'Declined an invitation',
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
  'upload.failed': 'An upload was refused',
  'identities.imported': 'Imported the identity map',
  'retention.changed': 'Changed the event retention',
  'ingest_key.created': 'Created a team ingest key',
  'ingest_key.revealed': 'Showed a team ingest key',
  'ingest_key.rotated': 'Rotated a team ingest key',
  'ingest_key.revoked': 'Revoked a team ingest key',
  'report.generated': 'Generated an audit report',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function describeAuditAction(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/**
 * The groups the audit-log filter offers, in the order shown. An action belongs to the first group
 * one of whose patterns it matches: a pattern ending in "." is a prefix (so an action added later,
 * e.g. "report.generated", falls into its group without touching this table), anything else is
 * an exact action name. Actions of no group are listed under "Other".
 */
export const AUDIT_ACTION_GROUPS = [
  { id: 'sign-in', label: 'Sign-in', patterns: ['auth.'] },
  { id: 'members', label: 'Members', patterns: ['member.'] },
  { id: 'tokens', label: 'API tokens', patterns: ['token.'] },
  { id: 'templates', label: 'Templates', patterns: ['template.'] },
  { id: 'teams', label: 'Teams and policy layers', patterns: ['team.', 'project.', 'policy.org_assigned', 'policy.team_assigned'] },
  { id: 'downloads', label: 'Downloads', patterns: ['policy.downloaded'] },
  { id: 'uploads', label: 'Uploads and data', patterns: ['upload.', 'identities.', 'retention.'] },
  { id: 'reports', label: 'Reports', patterns: ['report.', 'reports.'] },
  { id: 'other', label: 'Other', patterns: [] },
] as const satisfies readonly { id: string; label: string; patterns: readonly string[] }[];

export type AuditActionGroupId = (typeof AUDIT_ACTION_GROUPS)[number]['id'];

function matches(action: string, pattern: string): boolean {
  return pattern.endsWith('.') ? action.startsWith(pattern) : action === pattern;
}

export function auditActionGroup(action: string): AuditActionGroupId {
  for (const group of AUDIT_ACTION_GROUPS) {
    if ((group.patterns as readonly string[]).some((pattern) => matches(action, pattern))) return group.id;
  }
  return 'other';
}

export function isAuditActionGroup(value: string): value is AuditActionGroupId {
  return AUDIT_ACTION_GROUPS.some((group) => group.id === value);
}

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** Every known action of a group, as the filter matches them (exact names, so an index serves it). */
export function actionsOfGroup(group: AuditActionGroupId): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) => auditActionGroup(action) === group);
}

export function auditActionGroupLabel(group: AuditActionGroupId): string {
  return AUDIT_ACTION_GROUPS.find((g) => g.id === group)!.label;
}

import { ForbiddenError } from '@/lib/errors';

/**
 * Who may do what, as data. One `can()` serves the server (lib/ functions call `assertCan`)
 * and the UI (hide what the user cannot do). Pure: safe to import from client components.
 */
export const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  EDITOR: 'Editor',
  AUDITOR: 'Auditor',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'Everything, including members and roles.',
  ADMIN: 'Templates, teams, uploads, API tokens and reports.',
  // Policy layers (org default, team, project overrides) are edits of policy, audited and reversible,
  // so editors may set and clear them; deleting teams, archiving templates and deleting uploads is not theirs.
  EDITOR: 'Templates, teams and every policy layer (organization default, project overrides); no members, tokens, or deleting teams, templates or uploads.',
  AUDITOR: 'Read-only access to everything, including prompt text, reports and the audit log.',
};

/** API token scopes. A token can use a permission only when its scope is granted. */
export const SCOPES = ['templates:read', 'templates:write', 'events:write', 'reports:read', 'audit:read'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'templates:read': 'Read policy templates and teams, download policy files.',
  'templates:write': 'Create and edit templates, teams and policy assignments.',
  'events:write': 'Upload telemetry, prompt logs and activity reports.',
  'reports:read': 'Read audit charts and reports.',
  'audit:read': 'Read and export the audit log and its chain check (owners, admins and auditors only).',
};

interface PermissionDefinition {
  description: string;
  roles: readonly Role[];
  /** The token scope that unlocks this permission for API tokens; absent = not for tokens. */
  scope?: Scope;
}

const EVERYONE = ROLES;
const WRITERS = ['OWNER', 'ADMIN', 'EDITOR'] as const;
const ADMINS = ['OWNER', 'ADMIN'] as const;
const READERS_OF_SENSITIVE = ['OWNER', 'ADMIN', 'AUDITOR'] as const;

export const PERMISSIONS = {
  'members:read': { description: 'See the members of the organization and their roles.', roles: EVERYONE },
  'members:manage': { description: 'Invite members (and withdraw invitations), change roles and remove members.', roles: ['OWNER'] },
  'tokens:manage': { description: 'Create, list and revoke API tokens.', roles: ADMINS },
  'templates:read': { description: 'Read policy templates, versions and diffs; download policy files.', roles: EVERYONE, scope: 'templates:read' },
  'templates:write': { description: 'Create templates and save new versions.', roles: WRITERS, scope: 'templates:write' },
  'templates:archive': { description: 'Archive a template no team uses.', roles: ADMINS, scope: 'templates:write' },
  'teams:read': { description: 'See teams, projects and their effective policy.', roles: EVERYONE, scope: 'templates:read' },
  'teams:write': { description: 'Create and rename teams, assign policies, set project overrides.', roles: WRITERS, scope: 'templates:write' },
  'teams:delete': { description: 'Delete a team.', roles: ADMINS, scope: 'templates:write' },
  'ingestKeys:manage': { description: "Create, show, rotate and revoke a team's telemetry ingest keys.", roles: ADMINS, scope: 'templates:write' },
  'uploads:write': { description: 'Upload telemetry, prompt logs and activity reports.', roles: ADMINS, scope: 'events:write' },
  'uploads:delete': { description: 'Delete an upload and its records.', roles: ADMINS, scope: 'events:write' },
  'prompts:read': { description: 'Read prompt text from prompt logs.', roles: READERS_OF_SENSITIVE, scope: 'reports:read' },
  'reports:read': { description: 'Read audit charts and reports.', roles: EVERYONE, scope: 'reports:read' },
  'audit:read': { description: 'Read and export the audit log.', roles: READERS_OF_SENSITIVE, scope: 'audit:read' },
} as const satisfies Record<string, PermissionDefinition>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The caller of every lib/ function: a signed-in member or an API token acting for one. */
export interface Actor {
  kind: 'user' | 'token';
  userId: string;
  /** Set when the caller is an API token. */
  tokenId?: string;
  orgId: string;
  role: Role;
  /** Token scopes; for signed-in users every scope their role allows. */
  scopes: readonly Scope[];
  /** E-mail of the member (for tokens: the member the token acts for). */
  label: string;
}

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function can(actor: Pick<Actor, 'kind' | 'role' | 'scopes'>, permission: Permission): boolean {
  if (!roleCan(actor.role, permission)) return false;
  if (actor.kind === 'user') return true;
  const definition: PermissionDefinition = PERMISSIONS[permission];
  return definition.scope !== undefined && actor.scopes.includes(definition.scope);
}

/** The scopes a role can make use of; a signed-in user's Actor carries these. */
export function scopesForRole(role: Role): Scope[] {
  return SCOPES.filter((scope) =>
    PERMISSION_NAMES.some((permission) => (PERMISSIONS[permission] as PermissionDefinition).scope === scope && roleCan(role, permission)),
  );
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/** Throws 403 unless the actor may do this; every lib/ entry point calls it first. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    const definition: PermissionDefinition = PERMISSIONS[permission];
    const reason =
      actor.kind === 'token' && roleCan(actor.role, permission)
        ? `This API token lacks the scope ${definition.scope ?? '(none: not available to tokens)'}.`
        : `Your role (${ROLE_LABELS[actor.role]}) may not: ${definition.description.toLowerCase()}`;
    throw new ForbiddenError(reason, { permission, ...(definition.scope ? { scope: definition.scope } : {}) });
  }
}

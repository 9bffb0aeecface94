import type { CommandClassifier } from './classify';

export interface TeamRef {
  id: string;
  slug: string;
}

/** What a team's effective policy says that matters for events. */
export interface EventPolicy {
  /** Identifies the policy the classification was made against, e.g. "team:<id>@3". */
  ref: string;
  trustedCommands: readonly string[];
  telemetryDisabled: boolean;
}

/**
 * Everything a mapper needs to enrich a record, loaded once per upload (teams, identity map,
 * effective policies), so mapping is pure and synchronous.
 */
export interface EnrichContext {
  orgId: string;
  uploadId: string;
  uploadTeam: TeamRef | null;
  /** A team of the organization by slug (or name), or null. */
  teamBySlug(slug: string): TeamRef | null;
  /** The identity map's team for a user key (guid or e-mail), or null. */
  identityTeam(userKey: string): string | null;
  identityEmail(userKey: string): string | null;
  policyFor(teamId: string | null): EventPolicy;
  classifier: CommandClassifier;
  /** A record named a team the organization does not have. */
  noteUnknownTeam(slug: string): void;
  /** A CSV column the format does not know (kept in `extra`). */
  noteUnknownColumn(name: string): void;
}

export type MapResult<Row> = { ok: true; row: Row } | { ok: false; message: string };

/** zod issues → one line naming each field. */
export function issuesMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

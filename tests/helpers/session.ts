/**
 * Server actions read the session through next-auth and cookies through next/headers, which only
 * exist inside a Next.js request. Tests replace those two framework calls (never the database)
 * with vi.mock factories that read this object: `signInAs(userId)` decides whose session the
 * next action sees.
 */
export const session = { userId: null as string | null, activeOrg: null as string | null };

export function signInAs(userId: string | null, activeOrg: string | null = null): void {
  session.userId = userId;
  session.activeOrg = activeOrg;
}

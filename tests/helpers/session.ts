/**
 * Server actions read the session through next-auth and cookies through next/headers, which only
 * exist inside a Next.js request. Tests replace those two framework calls (never the database)
 * with vi.mock factories that read this object: `signInAs(userId)` decides whose session the
 * next action sees.
 */
export const session = { userId: null as string | null, activeOrg: null as string | null, authTime: 0 };

export function signInAs(userId: string | null, activeOrg: string | null = null): void {
  session.userId = userId;
  session.activeOrg = activeOrg;
  session.authTime = Date.now();
}

/** What next-auth's getServerSession would return for the signed-in test user. */
export function serverSession() {
  return session.userId ? { user: { id: session.userId, email: '' }, expires: '', authTime: session.authTime } : null;
}

'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { RENDERED_FOR_ORG_FIELD } from '@/lib/auth/active-org';

/**
 * The organization the console was rendered for, given by the console layout. Forms send it
 * back (OrgField, or useRenderedForOrg for JSON-shaped actions and uploads) and the server
 * refuses to act when it is no longer the caller's organization (requireUserFor).
 */
const RenderedForOrgContext = createContext<string | null>(null);

export function RenderedForOrgProvider({ orgId, children }: { orgId: string; children: ReactNode }) {
  return <RenderedForOrgContext.Provider value={orgId}>{children}</RenderedForOrgContext.Provider>;
}

/** '' outside the console (the server then refuses: a form must say where it acts). */
export function useRenderedForOrg(): string {
  return useContext(RenderedForOrgContext) ?? '';
}

/** Put inside every console <form> whose server action changes something. */
export function OrgField() {
  return <input type="hidden" name={RENDERED_FOR_ORG_FIELD} value={useRenderedForOrg()} />;
}

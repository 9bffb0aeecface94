/** Which of the user's organizations the console shows; checked against memberships on every request. */
export const ACTIVE_ORG_COOKIE = 'pilotlight-org';

/**
 * Every console form carries the organization it was rendered for (components/shell/OrgField),
 * and every org-scoped server action refuses when that is not the caller's current organization
 * (requireUserFor in lib/auth/session.ts). Without it, a form rendered for organization B acts in
 * organization A once the membership in B is gone (the active-organization cookie falls back),
 * or after the organization was switched in another tab.
 */
export const RENDERED_FOR_ORG_FIELD = 'renderedForOrg';
/** The same check for session-authenticated API requests from the browser (uploads). */
export const RENDERED_FOR_ORG_HEADER = 'x-pilotlight-org';

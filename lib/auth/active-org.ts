/** Which of the user's organizations the console shows; checked against memberships on every request. */
export const ACTIVE_ORG_COOKIE = 'pilotlight-org';

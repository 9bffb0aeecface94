/** Password length rules, shared by forms (client) and hashing (server). NIST 800-63B: length, not composition. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

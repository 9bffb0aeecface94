import { createHash, randomBytes } from 'node:crypto';

/**
 * API tokens look like `plt_` + 40 base62 characters (≈238 bits of entropy). Only the sha256 of
 * the whole token is stored: with that much entropy a slow hash adds nothing, and a fast one
 * keeps per-request authentication to one indexed lookup.
 */
export const TOKEN_PREFIX = 'plt_';
const TOKEN_BODY_LENGTH = 40;
const TOKEN_PATTERN = /^plt_[0-9A-Za-z]{40}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface NewToken {
  token: string;
  /** Shown in lists so people can recognise a token without seeing it again. */
  displayPrefix: string;
  hash: string;
}

export function generateToken(): NewToken {
  let body = '';
  while (body.length < TOKEN_BODY_LENGTH) {
    for (const byte of randomBytes(64)) {
      // 248 = 62 * 4: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && body.length < TOKEN_BODY_LENGTH) body += BASE62[byte % 62];
    }
  }
  const token = TOKEN_PREFIX + body;
  return { token, displayPrefix: token.slice(0, 12), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * The token from an `Authorization` header, or null when the header is absent or not a
 * well-formed bearer token (the caller answers 401 either way).
 */
export function parseBearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  return isWellFormedToken(match[1]) ? match[1] : null;
}

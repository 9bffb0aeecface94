import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isWellFormedToken, parseBearerToken } from '@/lib/auth/token-format';

describe('generateToken', () => {
  it('makes plt_ + 40 base62 characters, a 12-character display prefix and a sha256 hash', () => {
    const { token, displayPrefix, hash } = generateToken();
    expect(token).toMatch(/^plt_[0-9A-Za-z]{40}$/);
    expect(displayPrefix).toBe(token.slice(0, 12));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
  });

  it('never repeats and uses the whole alphabet', () => {
    const tokens = Array.from({ length: 2000 }, () => generateToken().token);
    expect(new Set(tokens).size).toBe(tokens.length);
    const characters = new Set(tokens.join('').replaceAll('plt_', ''));
    expect(characters.size).toBe(62);
  });
});

describe('parseBearerToken', () => {
  const token = `plt_${'a1B2'.repeat(10)}`;

  it.each([
    [`Bearer ${token}`, token],
    [`bearer ${token}`, token],
    [`BEARER   ${token}  `, token],
  ])('accepts %j', (header, expected) => {
    expect(parseBearerToken(header)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['Bearer'],
    [`Basic ${token}`],
    [`Bearer ${token} extra`],
    [`Bearer ${token.slice(0, -1)}`],
    [`Bearer ${token}x`],
    [`Bearer pat_${'a'.repeat(40)}`],
    [`Bearer plt_${'a'.repeat(39)}-`],
    [token],
  ])('rejects %j', (header) => {
    expect(parseBearerToken(header)).toBeNull();
  });

  it('agrees with isWellFormedToken', () => {
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(`${token} `)).toBe(false);
  });
});

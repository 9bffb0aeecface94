import { describe, expect, it } from 'vitest';
import { sameOriginRedirect, safeCallbackPath } from '@/lib/auth/redirect';

describe('safeCallbackPath', () => {
  it.each([
    ['/teams/abc?x=1#y', '/teams/abc?x=1#y'],
    ['/policies', '/policies'],
  ])('keeps the same-site path %j', (raw, expected) => expect(safeCallbackPath(raw)).toBe(expected));

  it.each(['/\\evil.example/phish', decodeURIComponent('/%5Cevil.example/phish'), '//evil.example', '///evil.example', 'https://evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', '', undefined, 'policies'])(
    'refuses %j',
    (raw) => expect(safeCallbackPath(raw)).toBe('/policies'),
  );
});

describe('sameOriginRedirect (next-auth redirect callback)', () => {
  const base = 'http://localhost:3000';
  it('keeps paths and same-origin URLs on the site', () => {
    expect(sameOriginRedirect('/teams', base)).toBe('http://localhost:3000/teams');
    expect(sameOriginRedirect('http://localhost:3000/policies?x=1', base)).toBe('http://localhost:3000/policies?x=1');
  });
  it('sends anything else to the site root', () => {
    for (const url of ['https://evil.example/phish', '/\\evil.example/phish', '//evil.example', 'http://localhost:3001/x']) expect(sameOriginRedirect(url, base)).toBe(base);
  });
});

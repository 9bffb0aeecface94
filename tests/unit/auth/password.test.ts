import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('password hashing', () => {
  it('uses argon2id at the OWASP cost (m=19456 KiB, t=2, p=1) with a random salt', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
  });

  it('verifies the right password and only that one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('handles unicode passwords', async () => {
    const hash = await hashPassword('pässwörd-密码-🔥🔥');
    expect(await verifyPassword(hash, 'pässwörd-密码-🔥🔥')).toBe(true);
    expect(await verifyPassword(hash, 'passwörd-密码-🔥🔥')).toBe(false);
  });

  it('answers false (and does not throw) without a hash or with a corrupt one', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});

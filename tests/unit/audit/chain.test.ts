import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, contentHash, findFirstBreak, type AuditContent, type ChainedAuditRow } from '@/lib/audit/chain';

function content(index: number, overrides: Partial<AuditContent> = {}): AuditContent {
  return {
    orgId: 'org-1',
    createdAt: new Date(Date.UTC(2026, 10, 1, 10, index)).toISOString(),
    actorType: 'user',
    actorId: 'user-1',
    actorLabel: 'owner@example.com',
    action: 'member.added',
    targetType: 'user',
    targetId: `user-${index}`,
    before: null,
    after: { email: `u${index}@example.com`, role: 'EDITOR' },
    details: null,
    ...overrides,
  };
}

function buildChain(length: number): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  for (let i = 1; i <= length; i++) {
    const c = content(i);
    const prevHash = rows.at(-1)?.hash ?? null;
    const hash = contentHash(c);
    rows.push({ ...c, id: String(i), seq: i, contentHash: hash, prevHash, hash: chainHash(prevHash, hash) });
  }
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('makes key order irrelevant to the hash', () => {
    expect(contentHash(content(1, { after: { a: 1, b: 2 } }))).toBe(contentHash(content(1, { after: { b: 2, a: 1 } })));
  });
});

describe('chainHash', () => {
  it('is sha256(prev ‖ content) with an empty prev for the first row', () => {
    expect(chainHash(null, 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(chainHash('a', 'bc')).toBe(chainHash(null, 'abc'));
  });
});

describe('findFirstBreak', () => {
  it('accepts an intact chain', () => {
    expect(findFirstBreak(buildChain(10))).toBeNull();
    expect(findFirstBreak([])).toBeNull();
  });

  it('finds a row whose content was edited', () => {
    const rows = buildChain(10);
    rows[4] = { ...rows[4]!, after: { email: 'attacker@example.com', role: 'OWNER' } };
    expect(findFirstBreak(rows)).toMatchObject({ seq: 5, reason: 'content_changed' });
  });

  it('finds an edit that also recomputed the row hashes (the next link breaks)', () => {
    const rows = buildChain(10);
    const edited = { ...rows[4]!, after: { role: 'OWNER' } };
    edited.contentHash = contentHash(edited);
    edited.hash = chainHash(edited.prevHash, edited.contentHash);
    rows[4] = edited;
    expect(findFirstBreak(rows)).toMatchObject({ seq: 6, reason: 'link_broken' });
  });

  it('finds a deleted row', () => {
    const rows = buildChain(10);
    rows.splice(6, 1);
    expect(findFirstBreak(rows)).toMatchObject({ seq: 8, reason: 'sequence_gap' });
  });

  it('finds a deleted tail only if something follows — and a deleted first row', () => {
    expect(findFirstBreak(buildChain(5).slice(1))).toMatchObject({ seq: 2, reason: 'sequence_gap' });
  });

  it('finds swapped rows', () => {
    const rows = buildChain(6);
    const a = rows[2]!;
    const b = rows[3]!;
    rows[2] = { ...b, seq: 3 };
    rows[3] = { ...a, seq: 4 };
    expect(findFirstBreak(rows)).toMatchObject({ seq: 3 });
  });

  it('finds a forged hash', () => {
    const rows = buildChain(3);
    rows[2] = { ...rows[2]!, hash: 'f'.repeat(64) };
    expect(findFirstBreak(rows)).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
  });
});

describe('createChainChecker after a break', () => {
  it('goes on from the stored row and reports every tampered entry, not only the first', async () => {
    const { createChainChecker } = await import('@/lib/audit/chain');
    const rows = buildChain(6);
    rows[1] = { ...rows[1]!, after: { email: 'changed@example.com' } };
    rows[4] = { ...rows[4]!, targetId: 'someone-else' };
    const check = createChainChecker();
    const breaks = rows.map(check).filter(Boolean);
    expect(breaks.map((b) => [b!.seq, b!.reason])).toEqual([
      [2, 'content_changed'],
      [5, 'content_changed'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { reportDataDigest } from '@/lib/reports/digest';

describe('reportDataDigest', () => {
  it('does not depend on key order', () => {
    expect(reportDataDigest({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      reportDataDigest({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('changes when one value changes and is hex sha256', () => {
    const one = reportDataDigest({ findings: 3 });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(one).not.toBe(reportDataDigest({ findings: 4 }));
  });
});

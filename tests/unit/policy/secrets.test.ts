import { describe, expect, it } from 'vitest';
import { maskSecrets } from '@/lib/policy/secrets';

describe('maskSecrets (free text: prompts, completions)', () => {
  it.each([
    ['use ghp_abcdefghijklmnopqrstuvwx1234 to push', 'use [REDACTED] to push', 'a GitHub token (ghp_…)'],
    ['key AKIAIOSFODNN7EXAMPLE and more', 'key [REDACTED] and more', 'an AWS access key (AKIA…)'],
    ['curl -H "Authorization: Bearer abcDEF123456789xyz" x', 'curl -H "Authorization: Bearer [REDACTED]" x', 'a literal Bearer/Basic credential'],
    ['psql postgres://app:s3cretpass@db/x', 'psql postgres://app:[REDACTED]@db/x', 'a password inside a URL'],
    ['GET https://x.test/?api_key=0123456789abcdef', 'GET https://x.test/?api_key=[REDACTED]', 'a secret in a URL query string'],
  ])('masks %j', (input, output, label) => {
    const result = maskSecrets(input);
    expect(result.text).toBe(output);
    expect(result.masked).toBe(1);
    expect(result.labels).toEqual([label]);
  });

  it('masks every occurrence and counts them', () => {
    const result = maskSecrets('a sk-ant-aaaaaaaaaaaaaaaaaaaa b sk-ant-bbbbbbbbbbbbbbbbbbbb');
    expect(result).toMatchObject({ text: 'a [REDACTED] b [REDACTED]', masked: 2 });
  });

  it('leaves placeholders and plain text alone', () => {
    for (const text of ['set GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxx', 'Bearer ${API_TOKEN}', 'fix the failing test in src/app.ts', '']) {
      expect(maskSecrets(text)).toEqual({ text, masked: 0, labels: [] });
    }
  });
});

// Trial harness (issue 9): runs every existing shell/dangers/lint/coverage table against the unbash adapter.
import { vi } from 'vitest';

vi.mock('@/lib/policy/shell', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/policy/shell')>();
  const { parseShellUnbash } = await import('@/lib/policy/shell-unbash');
  return { ...actual, parseShell: (s: string) => parseShellUnbash(s, actual.readsStdinAsShell) };
});

await import('./shell.test');
await import('./false-negatives.test');
await import('./lint.test');
await import('./coverage.test');

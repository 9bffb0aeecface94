import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/db/embedded';

/**
 * A failing test must fail the run: each test project runs its deliberately failing fixture
 * (tests/fixtures/failing/) through its real configuration — global setup, embedded PostgreSQL,
 * Playwright's web server and all — and must exit non-zero. Once, the embedded database's exit
 * hook turned a failing integration run into exit code 0, and CI went green.
 */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, PILOTLIGHT_FAILING_FIXTURES: '1', CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('a failing test fails the run', () => {
  it.each(['unit', 'integration', 'smoke'])('vitest project %s exits non-zero', async (project) => {
    const result = await run('node_modules/.bin/vitest', ['run', '--project', project]);
    expect(result.output).toContain(`fails on purpose (${project} project)`);
    expect(result.output).toMatch(/1 failed/);
    expect(result.code).not.toBe(0);
  });

  it('Playwright exits non-zero', async () => {
    const result = await run('node_modules/.bin/playwright', ['test'], { E2E_PORT: String(await findFreePort()) });
    expect(result.output).toContain('fails on purpose (e2e project)');
    expect(result.output).toMatch(/1 failed/);
    expect(result.code).not.toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { exportPolicy, type ExportContext } from '@/lib/formats';
import { runClaudeDoctor, settingsProblems, type DoctorRun } from './claude-doctor';
import { contexts, generatedDocuments, namedDocuments } from './documents';

/**
 * Claude Code's own `claude doctor` with each export installed as managed settings
 * (/etc/claude-code/managed-settings.json): it must report no settings problem. The bad files
 * below show that doctor does read the file and that settingsProblems() sees what it reports.
 */

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Doctor ran to its end (exit 0, its summary line), so an empty problem list is not a doctor that stopped early. */
function expectCompleted({ exitCode, output }: DoctorRun): void {
  expect(exitCode, output).toBe(0);
  expect(output).toContain('Claude Code doctor');
  expect(output).toMatch(/^No installation issues found\.$/m);
}

const cases: Array<{ name: string; file: string }> = [
  ...namedDocuments.flatMap(({ name, settings }) =>
    contexts.map((context) => ({ name: `${name} (${context.environment})`, file: decode(exportPolicy('claude-code', settings, context).bytes) })),
  ),
  ...generatedDocuments(6).map(({ name, settings }, i) => {
    const context = contexts[i % contexts.length] as ExportContext;
    return { name: `${name} (${context.environment})`, file: decode(exportPolicy('claude-code', settings, context).bytes) };
  }),
];

describe('claude doctor (Claude Code 2.1.332) with the claude-code export as managed settings', () => {
  it.each(cases)('reports no settings problem for $name', async ({ file }) => {
    const run = await runClaudeDoctor(file);
    expectCompleted(run);
    expect(settingsProblems(run.output), run.output).toEqual([]);
  });

  it('reports a dead `mixes * with :*` deny rule and an invalid defaultMode (the test can fail)', async () => {
    const { output } = await runClaudeDoctor(JSON.stringify({ permissions: { deny: ['Bash(curl * | sh:*)'], defaultMode: 'bogus' } }));
    const problems = settingsProblems(output).join('\n');
    expect(problems, output).toMatch(/^Invalid settings$/m);
    expect(problems).toMatch(/managed-settings\.json › permissions\.defaultMode: .*invalid/);
    expect(problems).toMatch(/^Permission rules that may not work as written$/m);
    expect(problems).toMatch(/Bash\(curl \* \| sh:\*\) mixes \* with the trailing :\* prefix syntax.*will likely never match/);
  });

  it('reports a wrongly typed key and a file that is not JSON', async () => {
    const wrongType = await runClaudeDoctor(JSON.stringify({ permissions: { allow: 'Bash(ls)' } }));
    expect(settingsProblems(wrongType.output).join('\n'), wrongType.output).toMatch(/^Invalid settings\n.*permissions\.allow/m);
    const notJson = await runClaudeDoctor('{"permissions": ');
    expect(notJson.exitCode, notJson.output).not.toBe(0);
    expect(settingsProblems(notJson.output).join('\n'), notJson.output).toMatch(/could not be parsed as a JSON object/);
  });
});

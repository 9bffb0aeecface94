import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportPolicy, type ImportableFormatId } from '@/lib/formats';
import { PRESETS } from '@/lib/policy/presets';

/**
 * Exporter output for both presets, compared byte for byte with tests/golden/formats/<preset>/.
 * After an intended change of output, regenerate the files and review the diff:
 *
 *   UPDATE_GOLDEN=1 node_modules/.bin/vitest run --project unit tests/unit/formats/golden.test.ts
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const ROOT = path.join(import.meta.dirname, '../../golden/formats');

const GOLDEN_FILES: Record<ImportableFormatId, string> = {
  'kiro-permissions': 'kiro-permissions.yaml',
  'gemini-policy': 'gemini-policy.toml',
  'kiro-project': 'kiro-project.json',
  'kiro-global': 'kiro-global.json',
  'kiro-ide': 'kiro-ide.json',
  'kiro-mcp': 'kiro-mcp.json',
  'gemini-cli': 'gemini-cli.json',
  'claude-code': 'claude-code.json',
  gitignore: 'gitignore.txt',
  firewall: 'firewall.txt',
};

function checkGolden(preset: string, file: string, bytes: Uint8Array): void {
  const target = path.join(ROOT, preset, file);
  if (UPDATE) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return;
  }
  const expected = readFileSync(target);
  if (Buffer.compare(Buffer.from(bytes), expected) !== 0) {
    // Show a readable diff, then fail on the bytes.
    expect(new TextDecoder().decode(bytes)).toBe(expected.toString('utf8'));
  }
  expect(Buffer.compare(Buffer.from(bytes), expected)).toBe(0);
}

describe.each(PRESETS)('golden files for $id', (preset) => {
  const context = { templateName: preset.name, version: 1, environment: preset.environment } as const;

  it.each(Object.entries(GOLDEN_FILES) as Array<[ImportableFormatId, string]>)('%s matches %s', (format, file) => {
    checkGolden(preset.id, file, exportPolicy(format, preset.settings, context).bytes);
  });

  it('bundle: entries, README.md and SHA256SUMS match, and the zip is reproducible', () => {
    const zip = exportPolicy('bundle', preset.settings, context);
    expect(zip.fileName).toBe(`${preset.id}-v1.zip`);
    const entries = unzipSync(zip.bytes);
    const names = Object.keys(entries);
    checkGolden(preset.id, 'bundle.entries.txt', new TextEncoder().encode(`${names.join('\n')}\n`));
    checkGolden(preset.id, 'bundle.README.md', entries[`${preset.id}-v1/README.md`] ?? new Uint8Array());
    checkGolden(preset.id, 'bundle.SHA256SUMS', entries[`${preset.id}-v1/SHA256SUMS`] ?? new Uint8Array());
    expect(Buffer.compare(exportPolicy('bundle', preset.settings, context).bytes, zip.bytes)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { exportPolicy, FORMATS, importPolicy, type ExportContext, type ImportableFormatId } from '@/lib/formats';
import { completeSettings } from '@/lib/policy/merge';
import { policySettingsSchema, type CompleteSettings } from '@/lib/policy/settings';
import { generateSettings, random } from './generate';

/**
 * Property: for every generated canonical document x and every importable format,
 * export(completeSettings(import(export(x)).settings)) is byte-identical to export(x).
 * A format that cannot carry a field leaves it out of both exports, so the property is about the
 * fields it carries.
 */
const RUNS = 500;
const SEED = 20_261_101;
const FORMATS_UNDER_TEST: ImportableFormatId[] = [
  'kiro-permissions',
  'kiro-project',
  'kiro-ide',
  'gemini-cli',
  'gemini-policy',
  'claude-code',
  'kiro-global',
  'kiro-mcp',
  'gitignore',
  'firewall',
];
// Notes an import of our own export may carry: Pilotlight re-derives these from the team's
// environment, and a * inside a command is a wildcard in Claude Code.
const EXPECTED_NOTES = [
  /disableBypassPermissionsMode: written by Pilotlight/,
  /disableAutoMode: written by Pilotlight/,
  /allowManagedPermissionRulesOnly: written by Pilotlight/,
  /security\.disableYoloMode: written by Pilotlight/,
  /a \* inside the command is a wildcard/,
  /sandbox\.enabled: Claude Code’s own sandbox/,
];
/**
 * Claude Code rules cannot hold `)`: a denied command with one is written with `*` in its place
 * (refusing a little more), so the first import normalizes it; from there on the bytes are stable.
 */
const normalizesOnce = (format: ImportableFormatId, x: CompleteSettings) => format === 'claude-code' && x.deniedCommands.some((command) => command.includes(')'));

const documents = Array.from({ length: RUNS }, (_, i) => ({
  x: generateSettings(random(SEED + i)),
  context: { templateName: `Template ${i}`, version: i + 1, environment: i % 2 ? 'production' : 'development' } satisfies ExportContext,
}));
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('generated documents', () => {
  it('are valid canonical documents (the schema leaves them unchanged)', () => {
    for (const { x } of documents) expect(policySettingsSchema.parse(x)).toEqual(x);
  });

  it('vary: both modes, every sandbox, empty and non-empty lists, servers local and remote', () => {
    const all = documents.map(({ x }) => x);
    expect(new Set(all.map((x) => x.mode)).size).toBe(2);
    expect(new Set(all.map((x) => x.sandbox)).size).toBe(3);
    expect(all.some((x) => x.trustedCommands.length === 0)).toBe(true);
    expect(all.some((x) => x.trustedCommands.some((c) => c.endsWith(' *')))).toBe(true);
    expect(all.some((x) => x.trustedCommands.includes('*'))).toBe(true);
    const servers = all.flatMap((x) => Object.values(x.mcpServers));
    expect(servers.some((s) => s.url && s.headers)).toBe(true);
    expect(servers.some((s) => s.command && s.env)).toBe(true);
  });
});

describe.each(FORMATS_UNDER_TEST)('%s: export → import → export', (format) => {
  it(`is byte-identical for ${RUNS} generated documents`, () => {
    for (const [index, { x, context }] of documents.entries()) {
      let first = exportPolicy(format, x, context);
      if (normalizesOnce(format, x)) first = exportPolicy(format, completeSettings(importPolicy({ bytes: first.bytes, format }).settings), context);
      const imported = importPolicy({ bytes: first.bytes, format });
      const unexpected = imported.warnings.filter((warning) => !EXPECTED_NOTES.some((note) => note.test(warning)));
      expect(unexpected, `document ${index}`).toEqual([]);
      expect(policySettingsSchema.safeParse(imported.settings).success).toBe(true);
      const second = exportPolicy(format, completeSettings(imported.settings), context);
      if (decode(second.bytes) !== decode(first.bytes)) {
        expect(decode(second.bytes), `document ${index}: ${JSON.stringify(x)}`).toBe(decode(first.bytes));
      }
      expect(Buffer.compare(second.bytes, first.bytes)).toBe(0);
    }
  });

  it('is detected from the default file name and the content', () => {
    const expected = format === 'kiro-global' ? 'kiro-project' : format; // same keys; only an explicit format tells them apart
    for (const { x, context } of documents.slice(0, 100)) {
      const file = exportPolicy(format, x, context);
      const imported = importPolicy({ bytes: file.bytes, fileName: FORMATS[format].fileName });
      if (format === 'kiro-global' || format === 'kiro-project') {
        // An export with nothing but the seed keys is always recognised as Kiro settings.
        expect(imported.format).toBe(expected);
      } else {
        expect(imported.format).toBe(format);
      }
    }
  });
});

function reversedKeys(x: CompleteSettings): CompleteSettings {
  const reverse = <T>(record: Record<string, T>, map: (value: T) => T = (value) => value) =>
    Object.fromEntries(Object.entries(record).reverse().map(([key, value]) => [key, map(value)]));
  return {
    network: x.network,
    gitignore: x.gitignore,
    mcpServers: reverse(x.mcpServers, (server) => ({
      ...(server.disabledTools ? { disabledTools: server.disabledTools } : {}),
      ...(server.headers ? { headers: reverse(server.headers) } : {}),
      ...(server.env ? { env: reverse(server.env) } : {}),
      ...server,
    })),
    excludeTools: x.excludeTools,
    coreTools: x.coreTools,
    autoAccept: x.autoAccept,
    sandbox: x.sandbox,
    telemetry: { usageStatisticsEnabled: x.telemetry.usageStatisticsEnabled, enabled: x.telemetry.enabled },
    deniedCommands: x.deniedCommands,
    trustedCommands: x.trustedCommands,
    mode: x.mode,
  };
}

describe('key order', () => {
  it('does not depend on the order objects were built in', () => {
    for (const { x, context } of documents.slice(0, 100)) {
      for (const format of [...FORMATS_UNDER_TEST, 'bundle'] as const) {
        const a = exportPolicy(format, x, context).bytes;
        const b = exportPolicy(format, reversedKeys(x), context).bytes;
        expect(Buffer.compare(a, b), format).toBe(0);
      }
    }
  });
});

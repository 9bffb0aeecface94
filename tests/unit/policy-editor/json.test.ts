import { describe, expect, it } from 'vitest';
import { formatSettings, parseSettingsText } from '@/components/policies/editor/json';

describe('parseSettingsText', () => {
  it('round-trips what formatSettings shows', () => {
    const settings = { mode: 'supervised' as const, telemetry: { enabled: false }, mcpServers: { gh: { command: 'npx', env: { T: '${T}' } } } };
    expect(parseSettingsText(formatSettings(settings))).toEqual({ kind: 'ok', settings });
  });

  it('returns the document, normalized by the schema', () => {
    expect(parseSettingsText('{ "trustedCommands": [" npm test "] }')).toEqual({ kind: 'ok', settings: { trustedCommands: ['npm test'] } });
  });

  it('names the line and column of a syntax error', () => {
    const parsed = parseSettingsText('{\n  "mode": "autopilot",\n  "sandbox": ,\n}');
    expect(parsed).toMatchObject({ kind: 'syntax', line: 3, column: 14 });
    expect(parsed.kind === 'syntax' && parsed.message).toMatch(/^Line 3, column 14: /);
    expect(parseSettingsText('')).toMatchObject({ kind: 'syntax', line: 1, column: 1 });
  });

  it('lists schema problems with their paths', () => {
    expect(parseSettingsText('{ "mode": "yolo", "telemetry": { "enabled": true, "x": 1 } }')).toEqual({
      kind: 'schema',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'mode' }),
        { path: 'telemetry.x', message: 'Unknown field.' },
      ]),
    });
    expect(parseSettingsText('null')).toMatchObject({ kind: 'schema', issues: [{ path: '' }] });
  });
});

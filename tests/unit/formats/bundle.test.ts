import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleFileName, exportPolicy, templateSlug, type ExportContext } from '@/lib/formats';
import { BUNDLE_LAYOUT } from '@/lib/formats/bundle';
import { PRESETS } from '@/lib/policy/presets';

const preset = PRESETS[1]!;
const context: ExportContext = { templateName: 'Payments — Supervised', version: 7, environment: 'production' };
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('bundle', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('is named <template-slug>-v<N>.zip and served as application/zip', () => {
    const file = exportPolicy('bundle', preset.settings, context);
    expect(file.fileName).toBe('payments-supervised-v7.zip');
    expect(file.contentType).toBe('application/zip');
    expect(bundleFileName({ ...context, templateName: 'Équipe Ünï: Dev!' })).toBe('equipe-uni-dev-v7.zip');
    expect(templateSlug('!!!')).toBe('template');
    expect(templateSlug('x'.repeat(100))).toHaveLength(60);
  });

  it('holds README.md, every other format in its folder, and SHA256SUMS, under one top folder', () => {
    const entries = unzipSync(exportPolicy('bundle', preset.settings, context).bytes);
    expect(Object.keys(entries)).toEqual([
      'payments-supervised-v7/README.md',
      ...BUNDLE_LAYOUT.map(([path]) => `payments-supervised-v7/${path}`),
      'payments-supervised-v7/SHA256SUMS',
    ]);
    for (const [path, format] of BUNDLE_LAYOUT) {
      expect(decode(entries[`payments-supervised-v7/${path}`])).toBe(decode(exportPolicy(format, preset.settings, context).bytes));
    }
    expect(new Set(BUNDLE_LAYOUT.map(([, format]) => format)).size).toBe(10);
  });

  it('has a SHA256SUMS in `sha256sum -c` format that matches every other file', () => {
    const entries = unzipSync(exportPolicy('bundle', preset.settings, context).bytes);
    const sums = decode(entries['payments-supervised-v7/SHA256SUMS']);
    expect(sums.endsWith('\n')).toBe(true);
    const lines = sums.trimEnd().split('\n');
    const listed = lines.map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      return [match![2]!, match![1]!] as const;
    });
    const files = Object.keys(entries).filter((name) => !name.endsWith('/SHA256SUMS'));
    expect(listed.map(([path]) => `payments-supervised-v7/${path}`)).toEqual(files);
    for (const [path, hash] of listed) {
      expect(createHash('sha256').update(entries[`payments-supervised-v7/${path}`]!).digest('hex')).toBe(hash);
    }
  });

  it('has a README that says where each file goes on macOS, Linux and Windows', () => {
    const readme = decode(unzipSync(exportPolicy('bundle', preset.settings, context).bytes)['payments-supervised-v7/README.md']);
    expect(readme).toContain('# Payments — Supervised — policy version 7');
    expect(readme).toContain('for production teams');
    for (const [path] of BUNDLE_LAYOUT) expect(readme).toContain(`\`${path}\``);
    expect(readme).toContain('| macOS | `/Library/Application Support/ClaudeCode/managed-settings.json` |');
    expect(readme).toContain('| Linux | `/etc/gemini-cli/settings.json` |');
    expect(readme).toContain('| Windows | `%USERPROFILE%\\.kiro\\settings.json` |');
    expect(readme).toContain('sha256sum -c SHA256SUMS');
  });

  it('is byte-identical across exports and time zones', () => {
    process.env.TZ = 'America/Los_Angeles';
    const west = exportPolicy('bundle', preset.settings, context).bytes;
    process.env.TZ = 'Asia/Tokyo';
    const east = exportPolicy('bundle', preset.settings, context).bytes;
    expect(Buffer.compare(west, east)).toBe(0);
    expect(Buffer.compare(exportPolicy('bundle', preset.settings, context).bytes, east)).toBe(0);
  });

  it('stores a fixed modification time (1980-01-01 00:00) in every entry', () => {
    const bytes = exportPolicy('bundle', preset.settings, context).bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0); // DOS time 00:00:00
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // DOS date 1980-01-01
  });
});

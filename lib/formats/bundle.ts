import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { CompleteSettings } from '@/lib/policy/settings';
import { bundleFileName, templateSlug, type ExportContext, type ImportableFormatId } from './catalog';
import { FILE_EXPORTERS } from './exporters';
import { bundleReadme } from './readme';

/**
 * `<template-slug>-v<N>.zip`: every other download under one top folder, laid out by where the
 * files go, plus README.md and SHA256SUMS (`sha256sum -c` format, paths relative to the folder).
 *
 * Reproducible: fixed entry order, fixed modification time and attributes. fflate writes the DOS
 * time from the *local* time fields of the date, so the date is built from local fields too —
 * the same bytes in every time zone.
 */

export const BUNDLE_LAYOUT: ReadonlyArray<readonly [path: string, format: ImportableFormatId]> = [
  ['home/.kiro/settings/permissions.yaml', 'kiro-permissions'],
  ['project/.kiro/settings/mcp.json', 'kiro-mcp'],
  ['kiro-ide-0.x/settings.json', 'kiro-ide'],
  ['gemini-cli/settings.json', 'gemini-cli'],
  ['gemini-cli/policies/pilotlight.toml', 'gemini-policy'],
  ['claude-code/managed-settings.json', 'claude-code'],
  ['project/.gitignore', 'gitignore'],
  ['firewall/firewall-allowlist.txt', 'firewall'],
  // The seed document's files, which no tool reads (see their README sections).
  ['not-read-by-kiro/project/.kiro/settings.json', 'kiro-project'],
  ['not-read-by-kiro/home/.kiro/settings.json', 'kiro-global'],
];

/** Built at each export (not once at load) so that its local fields are 1980-01-01 00:00 in the current time zone. */
const zipTime = () => new Date(1980, 0, 1, 0, 0, 0);
const FILE_MODE = 0o644 << 16; // rw-r--r--, with os 3 (Unix)

export const bundleFolder = (context: ExportContext) => (context.team ? `${templateSlug(context.team.slug)}-policy` : `${templateSlug(context.templateName)}-v${context.version}`);

/** The bundle's files in order, as text: README.md, the layout, SHA256SUMS. */
export function bundleFiles(settings: CompleteSettings, context: ExportContext): Array<[path: string, text: string]> {
  const files: Array<[string, string]> = [
    ['README.md', bundleReadme(context, BUNDLE_LAYOUT)],
    ...BUNDLE_LAYOUT.map(([path, format]): [string, string] => [path, FILE_EXPORTERS[format](settings, context)]),
  ];
  const sums = files.map(([path, text]) => `${createHash('sha256').update(text, 'utf8').digest('hex')}  ${path}\n`).join('');
  files.push(['SHA256SUMS', sums]);
  return files;
}

export function exportBundle(settings: CompleteSettings, context: ExportContext): Uint8Array {
  const folder = bundleFolder(context);
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  const mtime = zipTime();
  for (const [path, text] of bundleFiles(settings, context)) {
    entries[`${folder}/${path}`] = [encoder.encode(text), { mtime, os: 3, attrs: FILE_MODE }];
  }
  return zipSync(entries, { level: 9 });
}

export { bundleFileName };

import type { ExportContext } from '@/lib/formats';
import { completeSettings } from '@/lib/policy/merge';
import { PRESETS } from '@/lib/policy/presets';
import type { CompleteSettings } from '@/lib/policy/settings';
import { generateSettings, random } from '../unit/formats/generate';

/** The policies every conformance test exports: presets, defaults, hand-picked edge cases, then generated ones. */

export const contexts: ExportContext[] = [
  { templateName: 'Dev', version: 1, environment: 'development' },
  { templateName: 'Prod', version: 1, environment: 'production' },
];

/** Presets, defaults and the edge cases (wildcards, `*` and `$(…)` in commands, every sandbox and telemetry switch). */
export const namedDocuments: Array<{ name: string; settings: CompleteSettings }> = [
  ...PRESETS.map((preset) => ({ name: preset.id, settings: preset.settings })),
  { name: 'defaults', settings: completeSettings({}) },
  {
    name: 'maximal',
    settings: completeSettings({ trustedCommands: ['*'], deniedCommands: ['rm -rf', 'curl * | sh', ':(){ :|:& };:', 'echo $(id)'], sandbox: 'docker', network: { allowedDomains: ['*.example.com'] } }),
  },
  { name: 'trusted-patterns', settings: completeSettings({ trustedCommands: ['echo $(date)', 'npm run test:*', 'git * --help'], telemetry: { enabled: true, usageStatisticsEnabled: true } }) },
];

/** `count` generated policies from a fixed seed range, so a failure names a reproducible seed. */
export const generatedDocuments = (count: number): Array<{ name: string; settings: CompleteSettings }> =>
  Array.from({ length: count }, (_, i) => ({ name: `generated seed ${31_000 + i}`, settings: generateSettings(random(31_000 + i)) }));

export const documents: CompleteSettings[] = [...namedDocuments, ...generatedDocuments(300)].map((document) => document.settings);

import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj, type JsonObject } from './json-file';
import { kiroServersJson, readMcpServers } from './mcp';
import { childPath, cleanList, dropUndefined, isRecord, readBoolean, readSandbox, readStrings, show, Warnings, type ControlImpact, type ImportOutput } from './reader';

/**
 * `.kiro/settings.json` as the seed document describes it (shared/seed/security-and-privacy-
 * settings.md): the telemetry opt-out ("Method 2"), the per-project isolation keys and MCP servers.
 * Written in this order: telemetry.enabled, usageStatisticsEnabled, sandbox, autoAccept, coreTools,
 * excludeTools, mcpServers. Every key is always written, so the file states the whole policy it
 * carries and import → export gives the same bytes.
 *
 * Not carried: mode and trusted/denied commands, .gitignore and domains. Kiro does not read this
 * file: these keys are Gemini CLI's old v1 keys (mission.md §0, which current Gemini ignores too);
 * we write them because the seed documents them, and label the download as not read by Kiro.
 */

export function kiroSettingsJson(settings: CompleteSettings, withMcpServers: boolean): JsonObject {
  return obj(
    ['telemetry', obj(['enabled', settings.telemetry.enabled])],
    ['usageStatisticsEnabled', settings.telemetry.usageStatisticsEnabled],
    ['sandbox', settings.sandbox],
    ['autoAccept', settings.autoAccept],
    ['coreTools', settings.coreTools],
    ['excludeTools', settings.excludeTools],
    ['mcpServers', withMcpServers ? kiroServersJson(settings.mcpServers) : undefined],
  );
}

export function exportKiroProject(settings: CompleteSettings, _context: ExportContext): string {
  return jsonFile(kiroSettingsJson(settings, true));
}

const KNOWN = ['telemetry', 'usageStatisticsEnabled', 'sandbox', 'autoAccept', 'coreTools', 'excludeTools', 'mcpServers'];
/** Keys real .kiro/settings.json files hold (hooks, context) that the policy does not. */
const KIRO_FILE_KEYS: Record<string, { message: string; impact?: ControlImpact }> = {
  hooks: { message: 'agent hooks are not part of the policy (Kiro keeps them in .kiro/hooks/); not imported.', impact: 'high' },
  context: { message: 'context files are not part of the policy (Kiro reads steering from .kiro/steering/); not imported.' },
  statusLine: { message: 'not part of the policy; not imported.' },
};

/** The seed's flat keys; shared by the project and the global file (which may also hold servers). */
export function importKiroSettings(parsed: unknown): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  if (!isRecord(parsed)) return { settings, warnings: ['The file is not a JSON object.'] };
  for (const key of Object.keys(parsed)) {
    if (KNOWN.includes(key) || key === '$schema') continue;
    const special = KIRO_FILE_KEYS[key];
    if (special?.impact) w.control(childPath('', key), special.message, special.impact);
    else w.add(childPath('', key), special?.message ?? 'not a key of the seed’s .kiro/settings.json; not imported.');
  }
  const telemetry = parsed.telemetry;
  let enabled: boolean | undefined;
  if (isRecord(telemetry)) {
    enabled = readBoolean(telemetry.enabled, 'telemetry.enabled', w);
    for (const key of Object.keys(telemetry)) {
      if (key !== 'enabled') w.add(childPath('telemetry', key), 'the policy only holds telemetry.enabled; not imported.');
    }
  } else if (telemetry !== undefined) {
    w.add('telemetry', `expected an object, found ${show(telemetry)}; not imported.`);
  }
  const usageStatisticsEnabled = readBoolean(parsed.usageStatisticsEnabled, 'usageStatisticsEnabled', w);
  if (enabled !== undefined || usageStatisticsEnabled !== undefined) settings.telemetry = { enabled, usageStatisticsEnabled };
  settings.sandbox = readSandbox(parsed.sandbox, 'sandbox', w);
  settings.autoAccept = readBoolean(parsed.autoAccept, 'autoAccept', w);
  const coreTools = readStrings(parsed.coreTools, 'coreTools', w);
  if (coreTools) settings.coreTools = cleanList('coreTools', coreTools, w);
  const excludeTools = readStrings(parsed.excludeTools, 'excludeTools', w);
  if (excludeTools) settings.excludeTools = cleanList('excludeTools', excludeTools, w);
  settings.mcpServers = readMcpServers(parsed.mcpServers, 'mcpServers', 'kiro', w);
  return { settings: dropUndefined(settings), warnings: w.list, controls: w.controls };
}

export const importKiroProject = importKiroSettings;

import type { CompleteSettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile } from './json-file';
import { importKiroSettings, kiroSettingsJson } from './kiro-project';

/**
 * `~/.kiro/settings.json`, the seed's global file: the project file's keys without `mcpServers`.
 * Why: the user-wide file applies to every project the person opens, and a template's servers
 * (with their tokens and tools) belong to the projects of one team; MCP servers for every project
 * go to `~/.kiro/settings/mcp.json` (the kiro-mcp download). The telemetry opt-out and the tool
 * safety defaults, on the other hand, are exactly what should apply everywhere.
 *
 * Import reads the same keys as the project file, servers included (a hand-written global file
 * may have them, and the policy can hold them).
 */
export function exportKiroGlobal(settings: CompleteSettings, _context: ExportContext): string {
  return jsonFile(kiroSettingsJson(settings, false));
}

export const importKiroGlobal = importKiroSettings;

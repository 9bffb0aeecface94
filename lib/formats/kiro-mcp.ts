import type { CompleteSettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj } from './json-file';
import { kiroServersJson, readMcpServers } from './mcp';
import { childPath, dropUndefined, isRecord, Warnings, type ImportOutput } from './reader';

/** `.kiro/settings/mcp.json`: `{ "mcpServers": { … } }`, Kiro's documented MCP file (lossless). */
export function exportKiroMcp(settings: CompleteSettings, _context: ExportContext): string {
  return jsonFile(obj(['mcpServers', kiroServersJson(settings.mcpServers)]));
}

export function importKiroMcp(parsed: unknown): ImportOutput {
  const w = new Warnings();
  if (!isRecord(parsed)) return { settings: {}, warnings: ['The file is not a JSON object.'] };
  for (const key of Object.keys(parsed)) {
    if (key !== 'mcpServers' && key !== '$schema') w.add(childPath('', key), 'not part of an MCP configuration the policy holds; not imported.');
  }
  return { settings: dropUndefined({ mcpServers: readMcpServers(parsed.mcpServers, 'mcpServers', 'kiro', w) }), warnings: w.list };
}

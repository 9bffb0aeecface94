import type { CompleteSettings, PolicySettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { jsonFile, obj } from './json-file';
import { childPath, cleanList, dropUndefined, isRecord, readStrings, show, Warnings, type ImportOutput } from './reader';

/**
 * Kiro IDE (0.x) VS Code-style settings: `kiroAgent.agentAutonomy`, `kiroAgent.trustedCommands`,
 * `kiroAgent.commandDenylist`, written in that order. The policy's command language *is* Kiro's
 * (exact, `prefix *`, `*`; the denylist refuses substrings before trust is checked), so the
 * mapping is lossless both ways. Everything else in a user's settings.json is reported and skipped.
 */

const AUTONOMY = 'kiroAgent.agentAutonomy';
const TRUSTED = 'kiroAgent.trustedCommands';
const DENYLIST = 'kiroAgent.commandDenylist';

export function exportKiroIde(settings: CompleteSettings, _context: ExportContext): string {
  return jsonFile(
    obj(
      [AUTONOMY, settings.mode === 'autopilot' ? 'Autopilot' : 'Supervised'],
      [TRUSTED, settings.trustedCommands],
      [DENYLIST, settings.deniedCommands],
    ),
  );
}

export function importKiroIde(parsed: unknown): ImportOutput {
  const w = new Warnings();
  const settings: PolicySettings = {};
  if (!isRecord(parsed)) return { settings, warnings: ['The file is not a JSON object.'] };
  for (const key of Object.keys(parsed)) {
    if (![AUTONOMY, TRUSTED, DENYLIST, '$schema'].includes(key)) w.add(childPath('', key), 'not part of the policy; not imported.');
  }
  const autonomy = parsed[AUTONOMY];
  const mode = typeof autonomy === 'string' ? autonomy.trim().toLowerCase() : undefined;
  if (mode === 'autopilot' || mode === 'supervised') settings.mode = mode;
  else if (autonomy !== undefined) w.add(AUTONOMY, `expected "Autopilot" or "Supervised", found ${show(autonomy)}; not imported.`);
  const trusted = readStrings(parsed[TRUSTED], TRUSTED, w);
  if (trusted) settings.trustedCommands = cleanList('trustedCommands', trusted, w);
  const denied = readStrings(parsed[DENYLIST], DENYLIST, w);
  if (denied) settings.deniedCommands = cleanList('deniedCommands', denied, w);
  return { settings: dropUndefined(settings), warnings: w.list };
}

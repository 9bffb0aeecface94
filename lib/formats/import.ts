import { BadRequestError, UnsupportedMediaTypeError } from '@/lib/errors';
import { formatPath } from '@/lib/http/json';
import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';
import { FORMATS, IMPORTABLE_FORMAT_IDS, isImportableFormatId, type ImportableFormatId } from './catalog';
import { importClaudeCode } from './claude-code';
import { expectsJson, formatFromJson, formatFromName, formatFromNamedJson, formatFromText, jsonFits, parseInput } from './detect';
import { importFirewall } from './firewall';
import { importGeminiCli } from './gemini-cli';
import { importGeminiPolicy } from './gemini-policy';
import { importKiroPermissions } from './kiro-permissions';
import { importGitignore } from './gitignore';
import { importKiroGlobal } from './kiro-global';
import { importKiroIde } from './kiro-ide';
import { importKiroMcp } from './kiro-mcp';
import { importKiroProject } from './kiro-project';
import { firstSignificantChar } from './json-file';
import { CONTROL_IMPACTS, isRecord, type DroppedControl, type ImportOutput } from './reader';

export interface ImportResult {
  format: ImportableFormatId;
  settings: PolicySettings;
  warnings: string[];
  /**
   * The security controls the file had and the policy cannot hold, most severe first (a dropped
   * deny rule before a dropped hardening switch). Saving such an import needs an acknowledgement.
   */
  droppedControls: DroppedControl[];
}

export type { DroppedControl };

type TextFormatId = 'gitignore' | 'firewall' | 'gemini-policy' | 'kiro-permissions';
type JsonFormatId = Exclude<ImportableFormatId, TextFormatId>;
const TEXT_IMPORTERS: Record<TextFormatId, (text: string) => ImportOutput> = {
  gitignore: importGitignore,
  firewall: importFirewall,
  'gemini-policy': importGeminiPolicy,
  'kiro-permissions': importKiroPermissions,
};
const JSON_IMPORTERS: Record<JsonFormatId, (parsed: unknown) => ImportOutput> = {
  'kiro-project': importKiroProject,
  'kiro-global': importKiroGlobal,
  'kiro-ide': importKiroIde,
  'kiro-mcp': importKiroMcp,
  'gemini-cli': importGeminiCli,
  'claude-code': importClaudeCode,
};

const ACCEPTED =
  'Pilotlight imports Kiro settings (permissions.yaml, .kiro/settings.json, kiroAgent.* IDE settings, .kiro/settings/mcp.json), Gemini CLI settings.json ' +
  'and Policy Engine .toml files, Claude Code managed-settings.json, a .gitignore, or a firewall allowlist (one domain per line).';

function unsupported(message: string): UnsupportedMediaTypeError {
  return new UnsupportedMediaTypeError(`${message} ${ACCEPTED}`, { accepted: IMPORTABLE_FORMAT_IDS });
}

/** UTF-8 text, or a 415 saying what the bytes are instead. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw unsupported('This is a zip archive (such as the bundle download); import one of the files inside it instead.');
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw unsupported('This file is gzip-compressed; decompress it first.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw unsupported('This file is UTF-16 text; save it as UTF-8.');
  if (bytes.includes(0)) throw unsupported('This is a binary file, not a settings file or a text list.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unsupported('This file is not valid UTF-8 text.');
  }
}

function explicitFormat(format: string): ImportableFormatId {
  if (format === 'bundle') throw new BadRequestError('A bundle cannot be imported; import one of the files inside it.', { format }, 'unsupported_format');
  if (!isImportableFormatId(format)) {
    throw new BadRequestError(`Unknown format "${format}"; use one of ${IMPORTABLE_FORMAT_IDS.join(', ')}.`, { format }, 'unsupported_format');
  }
  return format;
}

function mismatch(format: ImportableFormatId, reason: string, looksLike: ImportableFormatId | null): BadRequestError {
  const hint = looksLike ? ` It looks like ${FORMATS[looksLike].label} (${looksLike}).` : '';
  return new BadRequestError(`The file is not ${FORMATS[format].label}: ${reason}.${hint}`, { format, detected: looksLike }, 'format_mismatch');
}

/** Settings that pass the policy schema; a field that does not (importers clean each entry, so this is a safety net) is dropped with a warning. */
function validated(format: ImportableFormatId, output: ImportOutput): ImportResult {
  const warnings = [...output.warnings];
  const droppedControls = rankControls(output.controls ?? []);
  const candidate: Record<string, unknown> = { ...output.settings };
  // Layers replace lists whole: an empty deny list would wipe the denials the layer inherits.
  for (const key of ['deniedCommands', 'excludeTools'] as const) {
    if (Array.isArray(candidate[key]) && (candidate[key] as unknown[]).length === 0) delete candidate[key];
  }
  for (;;) {
    const result = policySettingsSchema.safeParse(candidate);
    if (result.success) return { format, settings: result.data, warnings, droppedControls };
    const before = Object.keys(candidate).length;
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : [String(issue.path[0] ?? '')];
      for (const key of keys) delete candidate[key];
      warnings.push(`${formatPath(issue.path) || keys.join(', ')}: ${issue.message} The field was not imported.`);
    }
    if (Object.keys(candidate).length === before) return { format, settings: {}, warnings, droppedControls };
  }
}

/** Most severe first; within one impact, in file order. */
function rankControls(controls: readonly DroppedControl[]): DroppedControl[] {
  return [...controls].sort((a, b) => CONTROL_IMPACTS.indexOf(a.impact) - CONTROL_IMPACTS.indexOf(b.impact));
}

function importText(format: TextFormatId, text: string, explicit: boolean): ImportResult {
  if (explicit && parseLooksLikeJsonObject(text)) throw mismatch(format, 'it is a JSON object, not a list of lines', formatFromJson(safeJson(text)));
  const output = TEXT_IMPORTERS[format](text);
  if (explicit && format === 'firewall' && !output.settings.network?.allowedDomains?.length && text.trim()) {
    throw mismatch(format, 'no line is a domain name', formatFromText(text));
  }
  return validated(format, output);
}

function safeJson(text: string): unknown {
  try {
    const input = parseInput(text, false);
    return input.kind === 'json' ? input.value : undefined;
  } catch {
    return undefined;
  }
}
const parseLooksLikeJsonObject = (text: string) => isRecord(safeJson(text));

/**
 * Reads an exported (or hand-written) file back into a policy layer. The format is the explicit
 * one, else the one the file name says (when the content fits), else the one the content says.
 * 400: invalid JSON (with line and column), an unknown format, or an explicit format the content
 * does not fit. 415: a file that is none of the formats.
 */
export function importPolicy(input: { bytes: Uint8Array; fileName?: string | null; format?: string | null }): ImportResult {
  const text = decodeText(input.bytes);
  const explicit = input.format ? explicitFormat(input.format) : null;
  const named = explicit ? null : formatFromName(input.fileName);
  const wanted = explicit ?? named;
  if (wanted && isTextFormatId(wanted)) return importText(wanted, text, explicit !== null);

  if (explicit && !['{', '['].includes(firstSignificantChar(text) ?? '')) {
    // Plainly a list of lines: say so rather than point at the first "invalid JSON" character.
    const looksLike = formatFromText(text);
    if (looksLike) throw mismatch(explicit, 'it is not a JSON object', looksLike);
  }
  const parsed = parseInput(text, expectsJson(input.fileName, wanted));
  if (parsed.kind === 'text') {
    // (An explicit or named JSON format always parses as JSON above, or fails with a 400.)
    const format = formatFromText(text);
    if (!format) throw unsupported(text.trim() ? 'The file is neither settings JSON nor a list Pilotlight knows.' : 'The file is empty.');
    if (!isTextFormatId(format)) throw unsupported('The file is neither settings JSON nor a list Pilotlight knows.');
    return importText(format, text, false);
  }
  const value = parsed.value;
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a JSON array' : 'a single JSON value';
    if (explicit) throw mismatch(explicit, `it is ${what}, not an object`, null);
    throw unsupported(`The file is ${what}, not a settings object.`);
  }
  const keys = Object.keys(value).slice(0, 5).join(', ');
  if (explicit && !jsonFits(explicit, value)) throw mismatch(explicit, `none of its keys (${keys}) is one of this format’s`, formatFromJson(value));
  const format = explicit ?? formatFromNamedJson(named, value);
  if (!format || !isJsonFormat(format)) throw unsupported(`None of the keys of this JSON file (${keys || 'none'}) belongs to a format Pilotlight knows.`);
  return validated(format, JSON_IMPORTERS[format](value));
}

const isJsonFormat = (format: ImportableFormatId): format is JsonFormatId => format in JSON_IMPORTERS;
const isTextFormatId = (format: ImportableFormatId): format is TextFormatId => format in TEXT_IMPORTERS;

/**
 * An import that loses a security control (a deny rule, an ask rule, an allowlist, hooks…) is saved
 * only when the caller acknowledges it: 400 `dropped_controls` with the ranked list otherwise.
 */
export function assertDroppedControlsAcknowledged(result: Pick<ImportResult, 'droppedControls'>, acknowledged: boolean): void {
  if (acknowledged || result.droppedControls.length === 0) return;
  const [first] = result.droppedControls;
  const more = result.droppedControls.length - 1;
  throw new BadRequestError(
    `The file has security controls the policy cannot hold (${first?.impact}: ${first?.message}${more ? `; and ${more} more` : ''}). Review them and import again with acknowledgeDroppedControls to save without them.`,
    { droppedControls: result.droppedControls, issues: [{ path: 'acknowledgeDroppedControls', message: 'Acknowledge the dropped security controls to save anyway.' }] },
    'dropped_controls',
  );
}

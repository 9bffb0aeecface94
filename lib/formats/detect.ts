import type { ImportableFormatId } from './catalog';
import { looksLikeDomainList } from './firewall';
import { looksLikeGitignore } from './gitignore';
import { firstSignificantChar, parseJsonFile } from './json-file';
import { isRecord, type JsonRecord } from './reader';

/**
 * What a file is: by its name when the name says so (and the content fits), by its content
 * otherwise. Plain `settings.json` is used by four formats, so for it the keys decide.
 */

export type ParsedInput = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

export const TEXT_FORMATS: readonly ImportableFormatId[] = ['gitignore', 'firewall', 'gemini-policy', 'kiro-permissions'];
export const isTextFormat = (format: ImportableFormatId): boolean => TEXT_FORMATS.includes(format);

/** The seed's flat keys (Gemini CLI v1 keys, as written into .kiro/settings.json). */
const KIRO_FLAT_KEYS = ['telemetry', 'usageStatisticsEnabled', 'sandbox', 'autoAccept', 'coreTools', 'excludeTools'];
/** Gemini CLI v2 sections the policy reads, and other v2 sections that only Gemini has. */
const GEMINI_POLICY_SECTIONS = ['general', 'tools', 'mcp', 'security', 'privacy', 'telemetry'];
const GEMINI_OTHER_SECTIONS = ['ui', 'model', 'context', 'advanced', 'experimental', 'ide', 'output'];
/** v1 keys that the seed's Kiro file never has. */
const GEMINI_V1_ONLY_KEYS = ['allowedTools', 'allowMCPServers', 'excludeMCPServers', 'theme', 'selectedAuthType', 'checkpointing', 'preferredEditor', 'contextFileName', 'fileFiltering', 'hideTips', 'vimMode'];
const GEMINI_V1_POLICY_KEYS = [...KIRO_FLAT_KEYS, 'allowedTools', 'allowMCPServers', 'excludeMCPServers'];

/** The file name says which format (a browser's " (1)" before the extension is ignored). */
export function formatFromName(fileName: string | null | undefined): ImportableFormatId | null {
  if (!fileName) return null;
  const path = fileName.trim().replace(/\\/g, '/').toLowerCase().replace(/\s*\(\d+\)(?=\.[^./]+$)/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === '.gitignore' || base.endsWith('.gitignore')) return 'gitignore';
  if (base.endsWith('.toml')) return 'gemini-policy';
  if (/^permissions(\.[^.]+)?\.ya?ml$/.test(base) || (base.endsWith('.yaml') && /(^|\/)\.kiro\//.test(path))) return 'kiro-permissions';
  if (base.endsWith('.txt') && /firewall|allow-?list|whitelist|domains/.test(base)) return 'firewall';
  if (base === 'mcp.json') return 'kiro-mcp';
  if (base === 'managed-settings.json' || /(^|\/)\.claude\/settings(\.local)?\.json$/.test(path)) return 'claude-code';
  if (base !== 'settings.json') return null;
  if (/(^|\/)\.gemini\/|gemini-?cli\//.test(path)) return 'gemini-cli';
  if (/(^|\/)\.vscode\/settings\.json$|\/user\/settings\.json$/.test(path)) return 'kiro-ide';
  if (/^(~|%userprofile%|\$home)\/\.kiro\/settings\.json$/.test(path)) return 'kiro-global';
  if (/(^|\/)\.kiro\/settings\.json$/.test(path)) return 'kiro-project';
  return null;
}

const has = (value: JsonRecord, keys: readonly string[]) => keys.some((key) => value[key] !== undefined);
const hasSection = (value: JsonRecord, keys: readonly string[]) => keys.some((key) => isRecord(value[key]));

/** Which format the keys of a JSON object belong to. */
export function formatFromJson(value: unknown): ImportableFormatId | null {
  if (!isRecord(value)) return null;
  const schema = typeof value.$schema === 'string' ? value.$schema.toLowerCase() : '';
  if (Object.keys(value).some((key) => key.startsWith('kiroAgent.'))) return 'kiro-ide';
  if (isRecord(value.permissions) || isRecord(value.env) || isRecord(value.sandbox) || schema.includes('claude')) return 'claude-code';
  const telemetryKeys = isRecord(value.telemetry) ? Object.keys(value.telemetry) : [];
  if (
    schema.includes('gemini') ||
    hasSection(value, [...GEMINI_POLICY_SECTIONS.filter((key) => key !== 'telemetry'), ...GEMINI_OTHER_SECTIONS]) ||
    has(value, GEMINI_V1_ONLY_KEYS) ||
    telemetryKeys.some((key) => key !== 'enabled')
  ) {
    return 'gemini-cli';
  }
  if (has(value, KIRO_FLAT_KEYS)) return 'kiro-project';
  if (value.mcpServers !== undefined) return 'kiro-mcp';
  return null;
}

/**
 * A JSON file whose name says what it is: that format when the content fits it; a file named
 * `.kiro/settings.json` stays Kiro (an empty layer with warnings for hooks or context) unless its
 * keys plainly belong to another tool's settings.
 */
export function formatFromNamedJson(named: ImportableFormatId | null, value: JsonRecord): ImportableFormatId | null {
  if (named && jsonFits(named, value)) return named;
  const detected = formatFromJson(value);
  if (named !== 'kiro-project' && named !== 'kiro-global') return detected;
  if (detected === 'claude-code' || detected === 'kiro-ide' || detected === 'kiro-mcp') return detected;
  if (detected === 'gemini-cli' && (hasSection(value, GEMINI_POLICY_SECTIONS) || has(value, GEMINI_V1_ONLY_KEYS))) return detected;
  return named;
}

/** The object has something the format holds (an empty object fits every format). */
export function jsonFits(format: ImportableFormatId, value: JsonRecord): boolean {
  if (Object.keys(value).length === 0) return true;
  switch (format) {
    case 'kiro-ide':
      return Object.keys(value).some((key) => key.startsWith('kiroAgent.'));
    case 'claude-code':
      return has(value, ['permissions', 'env']) || isRecord(value.sandbox);
    case 'gemini-cli':
      return has(value, [...GEMINI_POLICY_SECTIONS, ...GEMINI_V1_POLICY_KEYS, 'mcpServers']);
    case 'kiro-project':
    case 'kiro-global':
      return has(value, [...KIRO_FLAT_KEYS, 'mcpServers']);
    case 'kiro-mcp':
      return has(value, ['mcpServers']);
    default:
      return false;
  }
}

/** Gemini Policy Engine TOML: a `[[rule]]` table array. */
const looksLikePolicyToml = (text: string) => /^\s*\[\[\s*rule\s*\]\]\s*(#.*)?$/m.test(text);
/** Kiro permissions YAML: a top-level `rules:` key. */
const looksLikePermissionsYaml = (text: string) => /^rules\s*:/m.test(text) && /^\s*-?\s*capability\s*:/m.test(text);

export function formatFromText(text: string): ImportableFormatId | null {
  if (looksLikePolicyToml(text)) return 'gemini-policy';
  if (looksLikePermissionsYaml(text)) return 'kiro-permissions';
  if (looksLikeDomainList(text)) return 'firewall';
  if (looksLikeGitignore(text)) return 'gitignore';
  return null;
}

/**
 * JSON when JSON is expected or the text starts with `{` (then invalid JSON is a 400 naming the
 * line and column); a leading `[` is JSON only if it parses, since `[Bb]in/` is a .gitignore line.
 */
export function parseInput(text: string, expectJson: boolean): ParsedInput {
  const first = firstSignificantChar(text);
  if (expectJson || first === '{') return { kind: 'json', value: parseJsonFile(text) };
  if (first === '[') {
    try {
      return { kind: 'json', value: parseJsonFile(text) };
    } catch {
      return { kind: 'text', text };
    }
  }
  return { kind: 'text', text };
}

export const expectsJson = (fileName: string | null | undefined, format: ImportableFormatId | null): boolean =>
  (format !== null && !isTextFormat(format)) || /\.json\s*$/i.test(fileName ?? '');

export function detectFormat(fileName: string | null, text: string): ImportableFormatId | null {
  const named = formatFromName(fileName);
  if (named && isTextFormat(named)) return named;
  let input: ParsedInput;
  try {
    input = parseInput(text, expectsJson(fileName, named));
  } catch {
    return named; // invalid JSON: only the name can tell, and the import will report the error
  }
  if (input.kind === 'text') return formatFromText(input.text);
  return isRecord(input.value) ? formatFromNamedJson(named, input.value) : null;
}

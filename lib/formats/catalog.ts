/**
 * The download formats: ids, file names, and where each file goes. Kept free of node-only
 * imports (and of the exporters) so that client components can import it for the download menu.
 */

export const FORMAT_IDS = ['kiro-project', 'kiro-global', 'kiro-ide', 'kiro-mcp', 'gemini-cli', 'claude-code', 'gitignore', 'firewall', 'bundle'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
/** Every format but the zip can be imported back. */
export type ImportableFormatId = Exclude<FormatId, 'bundle'>;
export const IMPORTABLE_FORMAT_IDS = FORMAT_IDS.filter((id): id is ImportableFormatId => id !== 'bundle');

export interface ExportContext {
  templateName: string;
  version: number;
  /** The environment of the team the file is for; production adds the tools' "no bypass" switches. */
  environment: 'development' | 'production';
  /**
   * Set when the files are a team's (or project's) effective policy rather than one template
   * version: names the bundle, its folder and its README instead of `templateName`/`version`.
   */
  team?: { slug: string; description: string };
}

export interface FormatInfo {
  id: FormatId;
  label: string;
  /** Default name of the downloaded file (the bundle's is computed from the template, see bundleFileName). */
  fileName: string;
  contentType: string;
  /** One line for the UI. */
  whereItGoes: string;
  locations: { macos: string; linux: string; windows: string };
  /** What the target cannot express or expresses differently; shown in the UI and the bundle's README. */
  limitations: readonly string[];
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export const FORMATS: Record<FormatId, FormatInfo> = {
  'kiro-project': {
    id: 'kiro-project',
    label: 'Kiro project settings (.kiro/settings.json)',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: '.kiro/settings.json in the project root; it wins over the global file.',
    locations: { macos: '<project>/.kiro/settings.json', linux: '<project>/.kiro/settings.json', windows: '<project>\\.kiro\\settings.json' },
    limitations: [
      'Holds what the seed document puts in this file: telemetry, usage statistics, sandbox, autoAccept, coreTools, excludeTools and MCP servers. Mode and trusted/denied commands are Kiro IDE settings (kiro-ide).',
      'These keys come from Gemini CLI; Kiro’s own documentation does not list them, so also deploy kiro-ide and kiro-mcp.',
    ],
  },
  'kiro-global': {
    id: 'kiro-global',
    label: 'Kiro global settings (~/.kiro/settings.json)',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: '~/.kiro/settings.json in the home folder; applies to every project unless the project file overrides it.',
    locations: { macos: '~/.kiro/settings.json', linux: '~/.kiro/settings.json', windows: '%USERPROFILE%\\.kiro\\settings.json' },
    limitations: [
      'Same keys as the project file except MCP servers: they belong to a project (kiro-mcp, or ~/.kiro/settings/mcp.json for every project), and a user-wide file would start them in unrelated projects.',
    ],
  },
  'kiro-ide': {
    id: 'kiro-ide',
    label: 'Kiro IDE settings (kiroAgent.*)',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: 'Kiro IDE user settings (merge the kiroAgent.* keys into the existing file), or .vscode/settings.json for one workspace.',
    locations: {
      macos: '~/Library/Application Support/Kiro/User/settings.json',
      // The Code-OSS convention; Kiro's Linux path is not documented.
      linux: '~/.config/Kiro/User/settings.json',
      windows: '%APPDATA%\\Kiro\\User\\settings.json',
    },
    limitations: ['Holds mode, trusted commands and the command denylist only. Kiro IDE 1.0 replaces these keys with permissions.yaml rules.'],
  },
  'kiro-mcp': {
    id: 'kiro-mcp',
    label: 'Kiro MCP servers (.kiro/settings/mcp.json)',
    fileName: 'mcp.json',
    contentType: JSON_TYPE,
    whereItGoes: '.kiro/settings/mcp.json in the project (or ~/.kiro/settings/mcp.json for every project; the project file wins).',
    locations: { macos: '<project>/.kiro/settings/mcp.json', linux: '<project>/.kiro/settings/mcp.json', windows: '<project>\\.kiro\\settings\\mcp.json' },
    limitations: ['Kiro CLI ignores autoApprove.'],
  },
  'gemini-cli': {
    id: 'gemini-cli',
    label: 'Gemini CLI system settings',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: 'Gemini CLI system settings file: overrides user and project settings.',
    locations: {
      macos: '/Library/Application Support/GeminiCli/settings.json',
      linux: '/etc/gemini-cli/settings.json',
      windows: 'C:\\ProgramData\\gemini-cli\\settings.json',
    },
    limitations: [
      'Trusted commands become run_shell_command(…) entries in tools.allowed, which Gemini matches as prefixes: an exact entry such as "npm test" also trusts "npm test --watch".',
      'Denied commands become run_shell_command(…) entries in tools.exclude, which Gemini matches as prefixes of each chained part, not as substrings anywhere.',
      'MCP autoApprove has no Gemini equivalent (trust is all or nothing) and is left out; disabled servers go to mcp.excluded; remote servers use httpUrl.',
    ],
  },
  'claude-code': {
    id: 'claude-code',
    label: 'Claude Code managed settings',
    fileName: 'managed-settings.json',
    contentType: JSON_TYPE,
    whereItGoes: 'Claude Code managed settings: the highest-priority scope, users cannot override it.',
    locations: {
      macos: '/Library/Application Support/ClaudeCode/managed-settings.json',
      linux: '/etc/claude-code/managed-settings.json',
      windows: 'C:\\Program Files\\ClaudeCode\\managed-settings.json',
    },
    limitations: [
      'Each denied command becomes two rules, Bash(cmd:*) (every version) and Bash(*cmd*) (substring, as Kiro’s denylist, on versions with wildcards anywhere).',
      'Claude Code checks every part of a chained command; a * inside a command is a wildcard there.',
      'sandbox, autoAccept, coreTools, MCP servers, .gitignore and domains are not part of this file.',
    ],
  },
  gitignore: {
    id: 'gitignore',
    label: '.gitignore entries',
    fileName: '.gitignore',
    contentType: TEXT_TYPE,
    whereItGoes: '.gitignore in the project root (add the lines to an existing file).',
    locations: { macos: '<project>/.gitignore', linux: '<project>/.gitignore', windows: '<project>\\.gitignore' },
    limitations: [],
  },
  firewall: {
    id: 'firewall',
    label: 'Firewall allowlist',
    fileName: 'firewall-allowlist.txt',
    contentType: TEXT_TYPE,
    whereItGoes: 'The corporate firewall or proxy allowlist, one domain per line; the agents do not read it.',
    locations: {
      macos: 'Firewall or proxy configuration (not on the developer machine)',
      linux: 'Firewall or proxy configuration (not on the developer machine)',
      windows: 'Firewall or proxy configuration (not on the developer machine)',
    },
    limitations: [],
  },
  bundle: {
    id: 'bundle',
    label: 'Everything (zip)',
    fileName: 'policy.zip',
    contentType: 'application/zip',
    whereItGoes: 'Every file above in one zip, with a README saying where each goes and SHA256SUMS.',
    locations: { macos: 'Anywhere; unzip and follow README.md', linux: 'Anywhere; unzip and follow README.md', windows: 'Anywhere; unzip and follow README.md' },
    limitations: [],
  },
};

export function isFormatId(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}

export function isImportableFormatId(value: string): value is ImportableFormatId {
  return isFormatId(value) && value !== 'bundle';
}

/** `Supervised (production)` → `supervised-production`; never empty, at most 60 characters. */
export function templateSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'template';
}

/** `<template-slug>-v<N>.zip` */
export function bundleFileName(context: ExportContext): string {
  if (context.team) return `${templateSlug(context.team.slug)}-policy.zip`;
  return `${templateSlug(context.templateName)}-v${context.version}.zip`;
}

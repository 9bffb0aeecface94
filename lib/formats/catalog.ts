/**
 * The download formats: ids, file names, and where each file goes. Kept free of node-only
 * imports (and of the exporters) so that client components can import it for the download menu.
 */

export const FORMAT_IDS = [
  'kiro-permissions',
  'kiro-mcp',
  'kiro-ide',
  'kiro-project',
  'kiro-global',
  'gemini-cli',
  'gemini-policy',
  'claude-code',
  'gitignore',
  'firewall',
  'bundle',
] as const;
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
  /** Which tool reads the file, said plainly; `null` for files no agent reads (shown in the menu and the bundle). */
  readBy: string | null;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const TOML_TYPE = 'application/toml; charset=utf-8';
const YAML_TYPE = 'application/yaml; charset=utf-8';

export const FORMATS: Record<FormatId, FormatInfo> = {
  'kiro-permissions': {
    id: 'kiro-permissions',
    label: 'Kiro permissions (permissions.yaml, Kiro IDE ≥ 1.0 and CLI v3)',
    fileName: 'permissions.yaml',
    contentType: YAML_TYPE,
    whereItGoes: '~/.kiro/settings/permissions.yaml in the home folder: the permission rules Kiro IDE 1.0 and Kiro CLI v3 enforce (deny > ask > allow).',
    locations: { macos: '~/.kiro/settings/permissions.yaml', linux: '~/.kiro/settings/permissions.yaml', windows: '%USERPROFILE%\\.kiro\\settings\\permissions.yaml' },
    limitations: [
      'Denied commands become shell deny rules (`*<command>*`, anywhere in the command line): Kiro refuses them, where the 0.x denylist (kiro-ide) only asked.',
      'Trusted commands become shell allow rules (exact, `prefix *`, or every command for `*`); excluded tools become deny rules for the matching capability (shell, fs_read, fs_write, web_fetch, web_search).',
      'This is the user scope: the user can edit it, but a user allow rule never beats a deny rule. Kiro’s administration scope (deny/ask only, enterprise plans) is configured through Kiro’s enterprise console or MDM, whose file format Kiro’s documentation does not publish, so Pilotlight does not write it.',
      'Mode, telemetry, sandbox, autoAccept, coreTools and MCP servers are not permission rules; MCP servers go to kiro-mcp.',
    ],
    readBy: 'Kiro IDE 1.0 and later, Kiro CLI v3',
  },
  'kiro-mcp': {
    id: 'kiro-mcp',
    label: 'Kiro MCP servers (.kiro/settings/mcp.json)',
    fileName: 'mcp.json',
    contentType: JSON_TYPE,
    whereItGoes: '.kiro/settings/mcp.json in the project (or ~/.kiro/settings/mcp.json for every project; the project file wins).',
    locations: { macos: '<project>/.kiro/settings/mcp.json', linux: '<project>/.kiro/settings/mcp.json', windows: '<project>\\.kiro\\settings\\mcp.json' },
    limitations: ['Kiro CLI ignores autoApprove.'],
    readBy: 'Kiro IDE and Kiro CLI',
  },
  'kiro-ide': {
    id: 'kiro-ide',
    label: 'Kiro IDE 0.x settings (kiroAgent.*)',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: 'Kiro IDE 0.x user settings (merge the kiroAgent.* keys into the existing settings.json), or .vscode/settings.json for one workspace.',
    locations: {
      macos: '~/Library/Application Support/Kiro/User/settings.json',
      // The Code-OSS convention; Kiro's Linux path is not documented.
      linux: '~/.config/Kiro/User/settings.json',
      windows: '%APPDATA%\\Kiro\\User\\settings.json',
    },
    limitations: [
      'For Kiro IDE 0.x only: Kiro IDE 1.0 no longer reads kiroAgent.trustedCommands and kiroAgent.commandDenylist; use kiro-permissions there.',
      'Holds mode, trusted commands and the command denylist only. The 0.x denylist makes Kiro ask before a denied command; it does not refuse it.',
    ],
    readBy: 'Kiro IDE 0.x',
  },
  'kiro-project': {
    id: 'kiro-project',
    label: 'Seed .kiro/settings.json (not read by Kiro)',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: '.kiro/settings.json in the project root, as the seed document describes it. Kiro does not read this file.',
    locations: { macos: '<project>/.kiro/settings.json', linux: '<project>/.kiro/settings.json', windows: '<project>\\.kiro\\settings.json' },
    limitations: [
      'Kiro does not read this file: Kiro documents no .kiro/settings.json, and its keys (telemetry, usageStatisticsEnabled, sandbox, autoAccept, coreTools, excludeTools) are Gemini CLI’s old v1 keys, which current Gemini CLI ignores too. It is kept because the seed document asks for it.',
      'What Kiro enforces is in kiro-permissions (commands and tools, Kiro IDE 1.0), kiro-ide (Kiro IDE 0.x) and kiro-mcp (MCP servers).',
    ],
    readBy: null,
  },
  'kiro-global': {
    id: 'kiro-global',
    label: 'Seed ~/.kiro/settings.json (not read by Kiro)',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: '~/.kiro/settings.json in the home folder, as the seed document describes it. Kiro does not read this file.',
    locations: { macos: '~/.kiro/settings.json', linux: '~/.kiro/settings.json', windows: '%USERPROFILE%\\.kiro\\settings.json' },
    limitations: [
      'Kiro does not read this file (see the project file): it is kept because the seed document asks for it.',
      'Same keys as the project file except MCP servers: they belong to a project (kiro-mcp, or ~/.kiro/settings/mcp.json for every project).',
    ],
    readBy: null,
  },
  'gemini-cli': {
    id: 'gemini-cli',
    label: 'Gemini CLI system settings',
    fileName: 'settings.json',
    contentType: JSON_TYPE,
    whereItGoes: 'Gemini CLI system settings file: overrides user and project settings. Deploy it with gemini-policy, which holds the command and tool rules.',
    locations: {
      macos: '/Library/Application Support/GeminiCli/settings.json',
      linux: '/etc/gemini-cli/settings.json',
      windows: 'C:\\ProgramData\\gemini-cli\\settings.json',
    },
    limitations: [
      'Commands and tools are not in this file: Gemini CLI ignores denied commands in tools.exclude since 0.24 and deprecates tools.allowed/tools.exclude, so they are Policy Engine rules in gemini-policy.',
      'Gemini skips the system settings file when its folder is writable by group or others: keep the folder owned by root (Windows: by Administrators) and not writable by anyone else.',
      'autoAccept has no Gemini setting since 0.28 (the approval mode decides); disabled MCP servers go to mcp.excluded; SSE servers use url, others httpUrl; MCP autoApprove has no Gemini equivalent.',
    ],
    readBy: 'Gemini CLI',
  },
  'gemini-policy': {
    id: 'gemini-policy',
    label: 'Gemini CLI admin policy (Policy Engine TOML)',
    fileName: 'pilotlight.toml',
    contentType: TOML_TYPE,
    whereItGoes: 'The Gemini CLI admin policies folder (next to the system settings): its rules override every user, workspace and default rule.',
    locations: {
      macos: '/Library/Application Support/GeminiCli/policies/pilotlight.toml',
      linux: '/etc/gemini-cli/policies/pilotlight.toml',
      windows: 'C:\\ProgramData\\gemini-cli\\policies\\pilotlight.toml',
    },
    limitations: [
      'Gemini ignores the admin policies folder unless it is owned by root and not writable by group or others (chmod 755); on Windows, standard users must not be able to write to it.',
      'Denied commands are refused wherever they occur in the command line (chains, `bash -c`, `$(…)` included); excluded tools are refused; tools missing from coreTools are refused.',
      'Trusted commands run without asking in auto-edit mode (autopilot); any other shell command asks, also when a user’s own policy would allow it.',
    ],
    readBy: 'Gemini CLI 0.24 and later',
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
      'Each denied command becomes Bash(cmd *) (the command and anything after it) and Bash(*cmd*) (anywhere, as Kiro’s denylist); Claude Code checks every part of a chained command.',
      'Production files also turn off bypass-permissions and auto mode and let only these managed permission rules apply.',
      'Rules cannot contain “)” (the settings schema forbids it): such commands are left out with a warning at download time.',
      'sandbox maps to sandbox.enabled and the network allowlist to sandbox.network.allowedDomains; autoAccept, coreTools, MCP servers and .gitignore are not part of this file.',
    ],
    readBy: 'Claude Code',
  },
  gitignore: {
    id: 'gitignore',
    label: '.gitignore entries',
    fileName: '.gitignore',
    contentType: TEXT_TYPE,
    whereItGoes: '.gitignore in the project root (add the lines to an existing file).',
    locations: { macos: '<project>/.gitignore', linux: '<project>/.gitignore', windows: '<project>\\.gitignore' },
    limitations: [],
    readBy: 'git',
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
    limitations: ['`*.example.com` entries stand for every subdomain; translate them to your firewall’s wildcard syntax.'],
    readBy: 'your firewall or proxy',
  },
  bundle: {
    id: 'bundle',
    label: 'Everything (zip)',
    fileName: 'policy.zip',
    contentType: 'application/zip',
    whereItGoes: 'Every file above in one zip, with a README saying where each goes and SHA256SUMS.',
    locations: { macos: 'Anywhere; unzip and follow README.md', linux: 'Anywhere; unzip and follow README.md', windows: 'Anywhere; unzip and follow README.md' },
    limitations: [],
    readBy: null,
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

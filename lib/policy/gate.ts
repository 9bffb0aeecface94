import { lintSettings, type LintEnvironment, type LintFinding } from './lint';
import { completeSettings } from './merge';
import { maskSecrets } from './secrets';
import type { McpServer, PolicySettings } from './settings';

/**
 * The pure half of the one risk gate every settings write passes (lib/templates/gate.ts is the
 * server half): which findings block a save until the author explicitly accepts them, and how
 * literal secrets are kept out of audit rows, diffs and (after a purge) stored versions. Pure,
 * so the editor shows exactly the checkboxes the server will ask for.
 */

/** Rules that block a save unless acknowledged, in the order their checkboxes appear. */
export const ACKNOWLEDGEABLE_RULES = ['trust-all', 'hardcoded-secret'] as const;
export type AcknowledgeableRule = (typeof ACKNOWLEDGEABLE_RULES)[number];

export const ACKNOWLEDGEMENTS: Record<AcknowledgeableRule, { label: string; refusal: string }> = {
  'trust-all': {
    label: 'I understand that `*` lets the agent run any command without asking.',
    refusal: 'Trusting every command (`*`) lets the agent run anything without asking. Remove it, or acknowledge the risk to save anyway.',
  },
  'hardcoded-secret': {
    label: 'I understand that the literal secret is stored in this version and shipped in every download of it (it is masked in the audit log and in diffs).',
    refusal: 'The settings contain a literal secret; replace it with a ${VAR} reference (and rotate the secret), or acknowledge storing it to save anyway.',
  },
};

export function isAcknowledgeableRule(rule: string): rule is AcknowledgeableRule {
  return (ACKNOWLEDGEABLE_RULES as readonly string[]).includes(rule);
}

export interface WriteEvaluation {
  /** Lint findings of the layer being written, for `environment`. */
  findings: LintFinding[];
  /** Rules among the findings that need an acknowledgement. */
  required: AcknowledgeableRule[];
  /** Required but not acknowledged: the write is refused while this is not empty. */
  missing: AcknowledgeableRule[];
  /** Required and acknowledged: stored with the write (acknowledgements of absent risks are dropped). */
  acknowledged: AcknowledgeableRule[];
}

/** Lints a layer as written and compares its blocking findings with what the author accepted. */
export function evaluateSettingsWrite(settings: PolicySettings, options: { environment?: LintEnvironment; acknowledged?: readonly string[] } = {}): WriteEvaluation {
  const findings = lintSettings(completeSettings(settings), { environment: options.environment ?? 'development' });
  const required = ACKNOWLEDGEABLE_RULES.filter((rule) => findings.some((finding) => finding.rule === rule));
  const given = options.acknowledged ?? [];
  return {
    findings,
    required,
    missing: required.filter((rule) => !given.includes(rule)),
    acknowledged: required.filter((rule) => given.includes(rule)),
  };
}

export const REDACTED = '[REDACTED]';

/** `${NAME}` for an environment variable name that can be one, otherwise null. */
function reference(name: string): string | null {
  const upper = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return /^[A-Z_][A-Z0-9_]*$/.test(upper) ? `\${${upper}}` : null;
}

/** The secret part of a string replaced: a known token shape in place, otherwise the whole value. */
function maskValue(value: string): string {
  const masked = maskSecrets(value);
  return masked.masked > 0 ? masked.text : REDACTED;
}

type Mode = 'mask' | 'reference';

function redactServer(name: string, server: McpServer, mode: Mode): McpServer {
  const prefix = `mcpServers.${name}.`;
  const paths = lintSettings(completeSettings({ mcpServers: { [name]: server } }))
    .filter((finding) => finding.rule === 'hardcoded-secret' && finding.path.startsWith(prefix))
    .map((finding) => finding.path.slice(prefix.length));
  if (paths.length === 0) return server;
  const out: McpServer = structuredClone(server);
  for (const path of paths) {
    if (path.startsWith('env.') && out.env) {
      const key = path.slice('env.'.length);
      const value = out.env[key];
      if (value !== undefined) out.env[key] = (mode === 'reference' ? reference(key) : null) ?? maskValue(value);
    } else if (path.startsWith('headers.') && out.headers) {
      const key = path.slice('headers.'.length);
      const value = out.headers[key];
      if (value !== undefined) {
        const masked = maskValue(value);
        out.headers[key] = mode === 'reference' && masked === REDACTED ? (reference(key) ?? REDACTED) : masked;
      }
    } else if (/^args\[\d+\]$/.test(path) && out.args) {
      const index = Number(path.slice(5, -1));
      const value = out.args[index];
      if (value !== undefined) out.args[index] = maskValue(value);
    } else if (path === 'url' && out.url) {
      out.url = maskSecrets(out.url).text;
    } else if (path === 'command' && out.command) {
      out.command = maskValue(out.command);
    }
  }
  return out;
}

/**
 * The settings with every literal secret the lint finds replaced. `mask` (audit rows, diffs)
 * writes `[REDACTED]` over the secret; `reference` (the purge of a stored version) turns an env
 * value into the `${VAR}` reference that is the fix, so the version still works once the variable
 * is set. Settings without secrets come back as they are (same object).
 */
export function redactSettingsSecrets(settings: PolicySettings, mode: Mode = 'mask'): PolicySettings {
  if (!settings.mcpServers) return settings;
  let changed = false;
  const servers: Record<string, McpServer> = {};
  for (const [name, server] of Object.entries(settings.mcpServers)) {
    const redacted = redactServer(name, server, mode);
    if (redacted !== server) changed = true;
    servers[name] = redacted;
  }
  return changed ? { ...settings, mcpServers: servers } : settings;
}

/** Whether the lint finds a literal secret in the settings. */
export function holdsSecret(settings: PolicySettings): boolean {
  return lintSettings(completeSettings(settings)).some((finding) => finding.rule === 'hardcoded-secret');
}

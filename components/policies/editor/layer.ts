import { formatPath } from '@/lib/http/json';
import { DEFAULT_SETTINGS, MCP_SERVER_NAME, mcpServerSchema, policySettingsSchema, TOP_LEVEL_FIELDS, type McpServer, type PolicySettings } from '@/lib/policy/settings';
import type { EditorIssue } from './paths';

/**
 * Immutable updates of a settings *layer*. A field that is not set is absent (never
 * `undefined`, never an empty group), and keys are kept in the schema's order so the JSON view
 * and diffs do not reshuffle when a field is switched off and on again.
 */

export { TOP_LEVEL_FIELDS };
export type TopLevelField = keyof PolicySettings;

export type ListField = 'trustedCommands' | 'deniedCommands' | 'coreTools' | 'excludeTools' | 'gitignore';
export type TelemetryKey = 'enabled' | 'usageStatisticsEnabled';

function copyKey<K extends TopLevelField>(to: PolicySettings, from: PolicySettings, key: K): void {
  const value = from[key];
  if (value !== undefined) to[key] = value;
}

/** `settings` with `key` set to `next`, or left out (inherited) when `next` is undefined. */
export function withField<K extends TopLevelField>(settings: PolicySettings, key: K, next: PolicySettings[K] | undefined): PolicySettings {
  const merged: PolicySettings = { ...settings, [key]: next };
  const out: PolicySettings = {};
  for (const field of TOP_LEVEL_FIELDS) copyKey(out, merged, field);
  return out;
}

/** Sets or clears one telemetry switch; `telemetry` disappears when neither is set. */
export function withTelemetry(settings: PolicySettings, key: TelemetryKey, next: boolean | undefined): PolicySettings {
  const current = { ...settings.telemetry, [key]: next };
  const telemetry: NonNullable<PolicySettings['telemetry']> = {
    ...(current.enabled !== undefined ? { enabled: current.enabled } : {}),
    ...(current.usageStatisticsEnabled !== undefined ? { usageStatisticsEnabled: current.usageStatisticsEnabled } : {}),
  };
  return withField(settings, 'telemetry', Object.keys(telemetry).length > 0 ? telemetry : undefined);
}

/** Sets or clears the network allowlist; `network` disappears with it (it is the group's only field). */
export function withAllowedDomains(settings: PolicySettings, next: string[] | undefined): PolicySettings {
  return withField(settings, 'network', next === undefined ? undefined : { allowedDomains: next });
}

/** Whether the layer sets a leaf itself (`mode`, `telemetry.enabled`, `network.allowedDomains`, …). */
export function isSet(settings: PolicySettings, path: TopLevelField | `telemetry.${TelemetryKey}` | 'network.allowedDomains'): boolean {
  switch (path) {
    case 'telemetry.enabled':
      return settings.telemetry?.enabled !== undefined;
    case 'telemetry.usageStatisticsEnabled':
      return settings.telemetry?.usageStatisticsEnabled !== undefined;
    case 'network.allowedDomains':
      return settings.network?.allowedDomains !== undefined;
    default:
      return settings[path] !== undefined;
  }
}

/** A fresh copy of a built-in default: checking "Set in this template" starts from it. */
export function defaultOf<K extends keyof typeof DEFAULT_SETTINGS>(key: K): (typeof DEFAULT_SETTINGS)[K] {
  return structuredClone(DEFAULT_SETTINGS[key]);
}

export type EntryResult = { ok: true; entry: string } | { ok: false; message: string };

/**
 * Checks one new list entry with the canonical schema (so the editor never disagrees with the
 * server) and returns it normalized the way the schema stores it (trimmed; domains lowercased).
 */
export function parseListEntry(field: ListField | 'network.allowedDomains', raw: string): EntryResult {
  const result = policySettingsSchema.safeParse(field === 'network.allowedDomains' ? { network: { allowedDomains: [raw] } } : { [field]: [raw] });
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? 'Not a valid entry.' };
  const entry = (field === 'network.allowedDomains' ? result.data.network?.allowedDomains : result.data[field])?.[0];
  return entry === undefined ? { ok: false, message: 'Not a valid entry.' } : { ok: true, entry };
}

/** Checks a tool name for an MCP server's autoApprove / disabledTools lists. */
export function parseToolName(raw: string): EntryResult {
  const result = mcpServerSchema.safeParse({ command: 'x', autoApprove: [raw] });
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? 'Not a valid tool name.' };
  const entry = result.data.autoApprove?.[0];
  return entry === undefined ? { ok: false, message: 'Not a valid tool name.' } : { ok: true, entry };
}

/**
 * Every schema problem of the document, so the form can show one as soon as it happens (the
 * MCP server fields can be invalid while being typed). zod's generic "too small" for a required
 * string becomes a sentence people read.
 */
export function validationIssues(settings: unknown): EditorIssue[] {
  const result = policySettingsSchema.safeParse(settings);
  if (result.success) return [];
  const issues = result.error.issues.flatMap((issue): (EditorIssue & { custom: boolean })[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'Unknown field.', custom: false }));
    const empty = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1;
    return [{ path: formatPath(issue.path), message: empty ? 'Cannot be empty.' : issue.message, custom: issue.code === 'custom' }];
  });
  // A server whose url (or command) is being typed also fails the "command or url" refinement;
  // the specific problem inside it says more, so the general one is left out.
  return issues
    .filter((issue) => !issue.custom || !issues.some((other) => other !== issue && other.path.startsWith(`${issue.path}.`)))
    .map(({ path, message }) => ({ path, message }));
}

// --- MCP servers -------------------------------------------------------------------------------

export type ServerKind = 'local' | 'remote';
export const SERVER_KEYS = ['command', 'args', 'env', 'url', 'headers', 'disabled', 'autoApprove', 'disabledTools'] as const satisfies readonly (keyof McpServer)[];
export type ServerKey = (typeof SERVER_KEYS)[number];

function copyServerKey<K extends ServerKey>(to: McpServer, from: McpServer, key: K): void {
  const value = from[key];
  if (value !== undefined) to[key] = value;
}

/** A server with one key replaced, or removed when `next` is undefined; keys in schema order. */
export function withServerField<K extends ServerKey>(server: McpServer, key: K, next: McpServer[K] | undefined): McpServer {
  const merged: McpServer = { ...server, [key]: next };
  const out: McpServer = {};
  for (const field of SERVER_KEYS) copyServerKey(out, merged, field);
  return out;
}

/** A remote server is one with a url (even an empty one being typed); everything else runs a command. */
export function serverKind(server: McpServer): ServerKind {
  return server.url !== undefined ? 'remote' : 'local';
}

/**
 * Switches a server between local and remote. The schema wants a command or a url, not both, so
 * the other kind's fields are removed; they are returned so that switching back (a misclick)
 * can restore them instead of losing the args and env someone typed.
 */
export function switchServerKind(server: McpServer, kind: ServerKind, restore: Partial<McpServer> = {}): { server: McpServer; removed: Partial<McpServer> } {
  if (serverKind(server) === kind) return { server, removed: {} };
  const drop: readonly ServerKey[] = kind === 'remote' ? ['command', 'args', 'env'] : ['url', 'headers'];
  const removed: Partial<McpServer> = {};
  let next = server;
  for (const key of drop) {
    if (server[key] !== undefined) copyServerKey(removed, server, key);
    next = withServerField(next, key, undefined);
  }
  // The empty command/url is invalid on purpose: the form shows "Cannot be empty." right there.
  if (kind === 'remote') {
    next = withServerField(next, 'url', restore.url ?? '');
    next = withServerField(next, 'headers', restore.headers);
  } else {
    next = withServerField(next, 'command', restore.command ?? '');
    next = withServerField(next, 'args', restore.args);
    next = withServerField(next, 'env', restore.env);
  }
  return { server: next, removed };
}

/** The servers with one renamed, in the same position (the editor lists them in document order). */
export function renameServer(servers: Readonly<Record<string, McpServer>>, from: string, to: string): Record<string, McpServer> {
  return Object.fromEntries(Object.entries(servers).map(([name, server]) => [name === from ? to : name, server]));
}

/** Why `name` cannot name a server (other than `current`, the one being renamed), or undefined. */
export function serverNameError(name: string, existing: readonly string[], current?: string): string | undefined {
  if (name === '') return 'Enter a name.';
  if (!MCP_SERVER_NAME.test(name)) return 'Use letters, digits, dot, dash or underscore (at most 100), starting with a letter or digit.';
  if (name !== current && existing.includes(name)) return `A server named “${name}” already exists.`;
  return undefined;
}

/** Arguments are edited one per line; a line is one argument, spaces included. */
export function parseArgs(text: string): string[] | undefined {
  return text === '' ? undefined : text.split('\n');
}

/** On leaving the field, blank lines (usually a trailing Enter) are not meant as empty arguments. */
export function tidyArgs(args: readonly string[] | undefined): string[] | undefined {
  const kept = (args ?? []).filter((arg) => arg.trim() !== '');
  return kept.length > 0 ? kept : undefined;
}

/** Problems with a new server before it is added (the document stays valid). */
export function newServerError(name: string, kind: ServerKind, target: string, existing: readonly string[]): string | undefined {
  const nameError = serverNameError(name.trim(), existing);
  if (nameError) return nameError;
  if (target.trim() === '') return kind === 'local' ? 'Enter the command that starts the server.' : 'Enter the server’s URL.';
  const result = mcpServerSchema.safeParse(kind === 'local' ? { command: target } : { url: target.trim() });
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'Not a valid server.');
}

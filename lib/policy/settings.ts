import { z } from 'zod';

/**
 * The canonical policy settings document: one JSON document per template version, from which
 * every agent's own file is exported (lib/formats) and into which every such file is imported.
 *
 * A template is a *layer*. Each field may be left out, meaning "not set here, inherit it" (from
 * the organization default, or the built-in defaults below). The effective policy of a team is
 * the layers merged leaf by leaf (lib/policy/merge.ts). Unknown keys are rejected at every depth,
 * so a typo never silently becomes a no-op.
 */

const MAX_LIST = 500;

/**
 * Control characters (newlines, tabs, NUL, DEL…) have no place in a one-line entry: every list
 * becomes one line per entry in some exported file, so `"node_modules\n!.env"` would export as
 * two .gitignore lines, one of them un-ignoring `.env`.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const NO_CONTROL = 'Use a single line without control characters (newline, tab, NUL…).';
const line = () => z.string().refine((value) => !CONTROL_CHARACTER.test(value), NO_CONTROL);

const commandSchema = line()
  .trim()
  .min(1, 'A command cannot be empty.')
  .max(1000, 'A command can be at most 1000 characters.');
const commandListSchema = z.array(commandSchema).max(MAX_LIST, `At most ${MAX_LIST} entries.`);
const toolNameSchema = line().trim().min(1, 'A tool name cannot be empty.').max(200);
const envNameSchema = line().min(1).max(200);

export const mcpServerSchema = z
  .object({
    command: line().trim().min(1).max(1000).optional(),
    args: z.array(z.string().max(2000)).max(200).optional(),
    env: z.record(envNameSchema, z.string().max(10_000)).optional(),
    // Only http(s): a `javascript:` or `file:` URL is never a remote MCP server.
    url: z.url({ protocol: /^https?$/, message: 'Use an absolute http(s) URL.' }).max(2000).optional(),
    headers: z.record(envNameSchema, line().max(10_000)).optional(),
    /** Transport of a remote server: streamable HTTP (the default) or the older Server-Sent Events. */
    type: z.enum(['http', 'sse']).optional(),
    disabled: z.boolean().optional(),
    autoApprove: z.array(toolNameSchema).max(MAX_LIST).optional(),
    disabledTools: z.array(toolNameSchema).max(MAX_LIST).optional(),
  })
  .strict()
  .refine((server) => Boolean(server.command) !== Boolean(server.url), {
    message: 'An MCP server needs either a command (local) or a url (remote), not both.',
  })
  .refine((server) => server.type === undefined || server.url !== undefined, {
    message: 'Only a remote server (url) has a transport type.',
    path: ['type'],
  });
export type McpServer = z.infer<typeof mcpServerSchema>;

export const MCP_SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A domain, with `*` for any one label (`*.example.com`, `q.*.amazonaws.com`); the registered name
 * (the last two labels) is literal, so `*.log` or `*.com` is not a domain.
 */
export const DOMAIN_PATTERN = /^((\*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.[a-z]{2,63}$/;
const domainSchema = line()
  .trim()
  .toLowerCase()
  .regex(DOMAIN_PATTERN, 'Use a domain name such as api.example.com or *.example.com.');

export const policySettingsSchema = z
  .object({
    /** Autopilot runs trusted commands and edits files without asking; supervised asks first. */
    mode: z.enum(['autopilot', 'supervised']),
    /** Commands the agent may run without asking. `prefix *` trusts the prefix; `*` trusts all. */
    trustedCommands: commandListSchema,
    /** Commands that are always refused (checked before trust). */
    deniedCommands: commandListSchema,
    telemetry: z
      .object({
        enabled: z.boolean(),
        usageStatisticsEnabled: z.boolean(),
      })
      .partial()
      .strict(),
    /** Run agent commands in a container; false runs them on the host. */
    sandbox: z.union([z.enum(['docker', 'podman']), z.literal(false)]),
    /** Accept the agent's edits without review. */
    autoAccept: z.boolean(),
    /** Tools the agent may use; ["all"] for every tool. */
    coreTools: z.array(toolNameSchema).max(MAX_LIST),
    /** Tools the agent may never use (e.g. run_shell_command). */
    excludeTools: z.array(toolNameSchema).max(MAX_LIST),
    mcpServers: z.record(
      z.string().regex(MCP_SERVER_NAME, 'Use letters, digits, dot, dash or underscore for an MCP server name.'),
      mcpServerSchema,
    ),
    /** Entries for the project's .gitignore. */
    gitignore: z.array(line().trim().min(1).max(500)).max(MAX_LIST),
    network: z
      .object({ allowedDomains: z.array(domainSchema).max(MAX_LIST) })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** The document's top-level keys in schema order (the order every writer of it uses). */
export const TOP_LEVEL_FIELDS = Object.keys(policySettingsSchema.shape) as (keyof z.infer<typeof policySettingsSchema>)[];

/** A template's settings: a partial layer. */
export type PolicySettings = z.infer<typeof policySettingsSchema>;

/** Every field resolved: what an agent finally gets. */
export interface CompleteSettings {
  mode: 'autopilot' | 'supervised';
  trustedCommands: string[];
  deniedCommands: string[];
  telemetry: { enabled: boolean; usageStatisticsEnabled: boolean };
  sandbox: 'docker' | 'podman' | false;
  autoAccept: boolean;
  coreTools: string[];
  excludeTools: string[];
  mcpServers: Record<string, McpServer>;
  gitignore: string[];
  network: { allowedDomains: string[] };
}

/**
 * What applies where no layer sets a field: the cautious choice for each (the agents' own
 * defaults are often the opposite, e.g. Gemini CLI sends usage statistics unless told not to).
 */
export const DEFAULT_SETTINGS: CompleteSettings = {
  mode: 'supervised',
  trustedCommands: [],
  deniedCommands: [],
  telemetry: { enabled: false, usageStatisticsEnabled: false },
  sandbox: false,
  autoAccept: false,
  coreTools: ['all'],
  excludeTools: [],
  mcpServers: {},
  gitignore: [],
  network: { allowedDomains: [] },
};

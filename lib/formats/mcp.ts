import { MCP_SERVER_NAME, mcpServerSchema, type McpServer } from '@/lib/policy/settings';
import { byCodeUnit, obj, sortedObject, type JsonObject, type JsonValue } from './json-file';
import { childPath, isRecord, type ControlImpact, readBoolean, readStringRecord, readStrings, show, Warnings, type JsonRecord, type Sourced } from './reader';

/**
 * MCP servers in the two dialects we write. Servers are written sorted by name and their fields
 * in a fixed order; env and headers sorted by name.
 *
 * Kiro (`.kiro/settings/mcp.json`, and the seed's settings.json) has exactly the policy's fields.
 * Gemini CLI differs: a remote server is `httpUrl` (streamable HTTP) or `url` (SSE), a tool
 * block list is `excludeTools`, a disabled server is listed in `mcp.excluded` (no per-server flag),
 * and there is no per-tool auto-approval (`trust` approves every tool of the server), so
 * `autoApprove` is not written for Gemini.
 */

const strings = (list: readonly string[] | undefined): JsonValue | undefined => list;
const record = (value: Readonly<Record<string, string>> | undefined): JsonValue | undefined =>
  value === undefined ? undefined : sortedObject(value, (item) => item);

export function kiroServersJson(servers: Readonly<Record<string, McpServer>>): JsonObject {
  return sortedObject(servers, (server) =>
    obj(
      ['command', server.command],
      ['args', strings(server.args)],
      ['env', record(server.env)],
      ['url', server.url],
      ['type', server.type],
      ['headers', record(server.headers)],
      ['disabled', server.disabled],
      ['autoApprove', strings(server.autoApprove)],
      ['disabledTools', strings(server.disabledTools)],
    ),
  );
}

export function geminiServersJson(servers: Readonly<Record<string, McpServer>>): JsonObject {
  return sortedObject(servers, (server) =>
    obj(
      ['command', server.command],
      ['args', strings(server.args)],
      ['env', record(server.env)],
      // Gemini's `url` is Server-Sent Events, `httpUrl` streamable HTTP.
      [server.type === 'sse' ? 'url' : 'httpUrl', server.url],
      ['headers', record(server.headers)],
      ['excludeTools', strings(server.disabledTools)],
    ),
  );
}

/** Names of disabled servers, for Gemini's `mcp.excluded`. */
export function disabledServerNames(servers: Readonly<Record<string, McpServer>>): string[] {
  return Object.keys(servers)
    .filter((name) => servers[name]?.disabled === true)
    .sort(byCodeUnit);
}

type Dialect = 'kiro' | 'gemini';

// Why a field found in a source file is not imported.
const NOT_HELD: Record<string, string> = {
  cwd: 'the policy has no working directory for a server; not imported.',
  timeout: 'the policy has no timeout for a server; not imported.',
  trust: 'trust approves every tool of the server without asking; the policy only holds a list of auto-approved tools, so it was not imported.',
  includeTools: 'the policy holds tools to disable (disabledTools), not an allowlist; not imported.',
};
/** Dropping these loses a restriction, not a comfort. */
const CONTROL_FIELDS: Record<string, ControlImpact> = { includeTools: 'high' };

function toolList(value: unknown, path: string, w: Warnings): string[] | undefined {
  const items = readStrings(value, path, w);
  if (!items) return undefined;
  const kept = items.filter((item: Sourced) => {
    if (item.value.trim()) return true;
    w.add(item.path, 'an empty tool name; not imported.');
    return false;
  });
  return kept.map((item) => item.value.trim());
}

function readServer(source: JsonRecord, path: string, dialect: Dialect, w: Warnings): JsonRecord {
  const server: JsonRecord = {};
  const take = (key: string, value: unknown) => {
    if (value !== undefined) server[key] = value;
  };
  const text = (key: string): string | undefined => {
    const value = source[key];
    if (value === undefined || typeof value === 'string') return value;
    w.add(childPath(path, key), `expected a string, found ${show(value)}; not imported.`);
    return undefined;
  };
  take('command', text('command'));
  take('args', readStrings(source.args, childPath(path, 'args'), w)?.map((item) => item.value));
  take('env', readStringRecord(source.env, childPath(path, 'env'), w));
  take('headers', readStringRecord(source.headers, childPath(path, 'headers'), w));
  const known = ['command', 'args', 'env', 'headers'];
  const readType = (key: string) => {
    const value = source[key];
    if (value === undefined || value === 'stdio') return undefined;
    if (value === 'sse' || value === 'http') return value;
    if (value === 'streamable-http' || value === 'streamableHttp') return 'http';
    w.add(childPath(path, key), `${show(value)} is not a transport the policy knows (http or sse); not imported.`);
    return undefined;
  };
  if (dialect === 'kiro') {
    take('url', text('url'));
    if (source.url !== undefined) take('type', readType('type'));
    else if (source.type !== undefined && source.type !== 'stdio') w.add(childPath(path, 'type'), 'a transport type needs a url; not imported.');
    take('disabled', readBoolean(source.disabled, childPath(path, 'disabled'), w));
    take('autoApprove', toolList(source.autoApprove, childPath(path, 'autoApprove'), w));
    take('disabledTools', toolList(source.disabledTools, childPath(path, 'disabledTools'), w));
    known.push('url', 'type', 'disabled', 'autoApprove', 'disabledTools');
  } else {
    const httpUrl = text('httpUrl');
    const sseUrl = text('url');
    const declared = readType('type');
    if (sseUrl !== undefined && httpUrl !== undefined) w.add(childPath(path, 'url'), 'both url (SSE) and httpUrl are set; httpUrl was imported.');
    take('url', httpUrl ?? sseUrl);
    // `url` alone is SSE unless `type` says otherwise; httpUrl is streamable HTTP.
    if (httpUrl !== undefined) take('type', declared === 'sse' ? 'sse' : undefined);
    else if (sseUrl !== undefined) take('type', declared === 'http' ? undefined : 'sse');
    take('disabledTools', toolList(source.excludeTools, childPath(path, 'excludeTools'), w));
    known.push('url', 'httpUrl', 'type', 'excludeTools');
  }
  for (const key of Object.keys(source)) {
    if (known.includes(key)) continue;
    const message = NOT_HELD[key] ?? 'not a field the policy holds for an MCP server; not imported.';
    const impact = CONTROL_FIELDS[key];
    if (impact) w.control(childPath(path, key), message, impact);
    else w.add(childPath(path, key), message);
  }
  return server;
}

/**
 * `mcpServers` of a source file: each server is checked against the policy schema on its own,
 * so that one broken server is reported and skipped rather than failing the import.
 */
export function readMcpServers(value: unknown, path: string, dialect: Dialect, w: Warnings): Record<string, McpServer> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    w.add(path, `expected an object of servers, found ${show(value)}; not imported.`);
    return undefined;
  }
  const servers: Array<[string, McpServer]> = [];
  for (const [name, source] of Object.entries(value)) {
    const serverPath = childPath(path, name);
    if (!MCP_SERVER_NAME.test(name)) {
      w.add(serverPath, 'the server name must be letters, digits, dot, dash or underscore (at most 100); not imported.');
      continue;
    }
    if (!isRecord(source)) {
      w.add(serverPath, `expected an object, found ${show(source)}; not imported.`);
      continue;
    }
    const result = mcpServerSchema.safeParse(readServer(source, serverPath, dialect, w));
    if (result.success) servers.push([name, result.data]);
    else w.add(serverPath, `not imported: ${result.error.issues.map((issue) => issue.message).join(' ')}`);
  }
  return Object.fromEntries(servers);
}

import type { CompleteSettings, McpServer } from '@/lib/policy/settings';

/**
 * A seeded generator of varied, valid canonical documents for the property tests (no dependency:
 * mulberry32). Same seed → same documents, so a failure names a reproducible case.
 */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  const some = <T>(items: readonly T[], max: number): T[] => Array.from({ length: int(max + 1) }, () => pick(items));
  return { next, int, pick, chance, some };
}
type Random = ReturnType<typeof random>;

const COMMAND_BASES = [
  'npm test',
  'npm run test:unit',
  'git status',
  'git diff --stat',
  'docker ps',
  'echo "hello world"',
  "grep -r 'TODO' src",
  'find . -name "*.ts"',
  'ls -la',
  'make',
  'cargo test --all',
  'echo ünïcödé ✓',
  '日本語 コマンド',
  'deploy 🚀 now',
  'a && b',
  'cat file | grep x',
  "printf '%s\\n' \"$HOME\"",
  'C:\\tools\\run.exe /q',
  'echo )',
  'echo (a)',
  'Bash(npm test)',
  'run_shell_command(ls)',
  'git * --help',
  'x :',
  'quote " and \\ backslash',
  'dollar $HOME `date`',
];
const SUFFIXES = ['', '', '', ' *', '*', ':*', '  *', ' :*'];
const SPECIAL_COMMANDS = ['*', '**', ':*', '* *', '*foo', 'a:', 'rm *', 'curl * | sh', 'x *:*'];

function command(r: Random): string {
  if (r.chance(0.12)) return r.pick(SPECIAL_COMMANDS);
  return r.pick(COMMAND_BASES) + r.pick(SUFFIXES);
}

const TOOLS = ['run_shell_command', 'ShellTool', 'web_fetch', 'write_file', 'replace', 'read_file', 'google_web_search', 'glob', 'custom_tool', 'ünï_tool', 'run_shell_command(rm)', 'ShellTool( git push * )', 'mcp__github__create_issue'];
const CORE_TOOLS: string[][] = [['all'], [], ['read_file', 'write_file'], ['all', 'run_shell_command'], ['run_shell_command(git)', 'read_file'], ['read_file', 'read_file']];
const SERVER_NAMES = ['github', 'brave-search', 'fs', 'db.main', '123', '7', 'A_b-c', 'x'];
const ENV_NAMES = ['GITHUB_TOKEN', 'B', 'a', '10', '2', 'ÜNÏ', 'API KEY', 'constructor'];
const VALUES = ['${GITHUB_TOKEN}', 'literal', '', 'ünï "quoted" \\ value', 'Bearer ${API_TOKEN}', '日本'];
const URLS = ['https://api.example.com/mcp', 'http://localhost:3000/sse?x=1', 'https://mcp.example.org/v1/ünï'];
const TRANSPORTS = [undefined, undefined, 'http', 'sse'] as const;

function record(r: Random): Record<string, string> {
  return Object.fromEntries(r.some(ENV_NAMES, 4).map((name) => [name, r.pick(VALUES)]));
}

function server(r: Random): McpServer {
  const out: McpServer = {};
  if (r.chance(0.7)) {
    out.command = r.pick(['npx', 'uvx', 'node', '/usr/local/bin/srv "q"', 'C:\\mcp\\srv.exe']);
    if (r.chance(0.7)) out.args = r.some(['-y', '@modelcontextprotocol/server-github', '--port=3000', 'ünï', ''], 3);
    if (r.chance(0.6)) out.env = record(r);
  } else {
    out.url = r.pick(URLS);
    const type = r.pick(TRANSPORTS);
    if (type) out.type = type;
    if (r.chance(0.6)) out.headers = record(r);
  }
  if (r.chance(0.5)) out.disabled = r.chance(0.5);
  if (r.chance(0.4)) out.autoApprove = r.some(['search', 'get_issue', 'ünï'], 2);
  if (r.chance(0.4)) out.disabledTools = r.some(['delete_repo', 'push', 'x'], 2);
  return out;
}

export function generateSettings(r: Random): CompleteSettings {
  const servers = r.some(SERVER_NAMES, 4);
  return {
    mode: r.pick(['autopilot', 'supervised'] as const),
    trustedCommands: Array.from({ length: r.int(9) }, () => command(r)),
    deniedCommands: Array.from({ length: r.int(6) }, () => command(r)),
    telemetry: { enabled: r.chance(0.5), usageStatisticsEnabled: r.chance(0.5) },
    sandbox: r.pick(['docker', 'podman', false] as const),
    autoAccept: r.chance(0.5),
    coreTools: [...r.pick(CORE_TOOLS)],
    excludeTools: r.some(TOOLS, 4),
    mcpServers: Object.fromEntries(servers.map((name) => [name, server(r)])),
    gitignore: r.some(['.env', '*.log', 'node_modules/', '[Bb]in/', '!keep.log'], 4),
    network: { allowedDomains: r.some(['example.com', '*.example.org', 'prod.download.desktop.kiro.dev', 'q.*.amazonaws.com'], 3) },
  };
}

import { parseTrustEntry, type TrustEntry } from './coverage';
import { parseShell, type ParsedCommand, type Redirection } from './shell';

/**
 * What a command line runs and why that is dangerous, read the way a shell reads it (./shell.ts):
 * wrappers (`sudo env nice …`), code handed to interpreters (`bash -c`, `watch`, here-documents),
 * downloads piped into shells, destructive commands and redirections. Used by the lint rules and by
 * anyone who needs the same verdict for one command.
 */

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** What makes a trusted entry dangerous: its own text, plus (for prefixes) what may be appended. */
export function trustEntryDangers(entry: string | TrustEntry, prefix?: ParsedCommand): string[] {
  const parsed = typeof entry === 'string' ? parseTrustEntry(entry) : entry;
  if (parsed.kind === 'empty') return [];
  if (parsed.kind === 'all') return ['`*` trusts every command'];
  // One parse of the entry serves both questions (the lint parses each command once).
  const command = prefix ?? parseShell(parsed.prefix);
  const dangers = parsedCommandDangers(command);
  if (parsed.kind !== 'exact') dangers.push(...completionDangers(parsed, command));
  return unique(dangers);
}

// ---------------------------------------------------------------------------------------------
// Reading a command: wrappers, names

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Reserved words that come before a command (`if rm -rf x; then …`, `{ rm -rf x; }`). */
const LEADING_KEYWORDS = new Set(['!', '{', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', 'coproc']);
/** Reserved words after which no command follows in this segment. */
const NO_COMMAND_KEYWORDS = new Set(['}', 'fi', 'done', 'esac', 'for', 'case', 'select', 'in']);
const PRIVILEGE: Record<string, string> = {
  sudo: '`sudo` runs commands as root',
  doas: '`doas` runs commands as root',
  pkexec: '`pkexec` runs commands as root',
  su: '`su` switches to another user (usually root)',
  run0: '`run0` runs commands as root',
};
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'csh', 'tcsh']);
const OTHER_INTERPRETERS = new Set(['node', 'nodejs', 'deno', 'bun', 'perl', 'ruby', 'php', 'pwsh', 'powershell', 'lua', 'osascript']);
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'aria2c', 'iwr', 'irm', 'invoke-webrequest', 'invoke-restmethod']);
const PACKAGE_RUNNERS = new Set(['npx', 'pnpx', 'bunx', 'uvx']);
/** Flags that make an interpreter take its code from an argument rather than from stdin. */
const CODE_FLAGS = new Set(['-c', '-m', '-e', '-E', '-p', '-r', '--eval', '--print', '-Command', '-command', '-File', '-file', '-EncodedCommand']);

interface WrapperSpec {
  /** Short options that take a value as the next word. */
  short?: string;
  /** Long options that take a value as the next word (`--user root`). */
  long?: string[];
  /** Words to skip after the options, before the command (`timeout 10 cmd`). */
  positional?: number;
  /** Options after which nothing is run (`command -v rm` only prints a path). */
  query?: string;
}

/** Commands that run their arguments as a command: the real command is further right. */
const WRAPPERS: Record<string, WrapperSpec> = {
  env: { short: 'uCP', long: ['--unset', '--chdir'] },
  nohup: {},
  nice: { short: 'n', long: ['--adjustment'] },
  ionice: { short: 'cnp', long: ['--class', '--classdata', '--pid'] },
  timeout: { short: 'sk', long: ['--signal', '--kill-after'], positional: 1 },
  time: { short: 'fo', long: ['--format', '--output'] },
  command: { query: 'vV' },
  exec: { short: 'a' },
  builtin: {},
  xargs: { short: 'IdELnPsa', long: ['--delimiter', '--max-args', '--max-procs', '--max-lines', '--max-chars', '--arg-file'] },
  stdbuf: { short: 'ioe', long: ['--input', '--output', '--error'] },
  setsid: {},
  busybox: {},
  chroot: { positional: 1 },
  sudo: { short: 'ugpCDrtUTh', long: ['--user', '--group', '--prompt', '--chdir', '--role', '--type', '--other-user', '--host', '--close-from'] },
  doas: { short: 'uC' },
  pkexec: { long: ['--user'] },
  run0: { short: 'uDg', long: ['--user', '--group', '--chdir'] },
};

export function commandName(word: string | undefined): string {
  if (word === undefined) return '';
  // A dynamic name (`$CMD`, `$(…)`) is not a path; keep it whole.
  if (/[$`]/.test(word)) return word;
  return word.slice(word.lastIndexOf('/') + 1);
}

interface Resolved {
  /** The command that finally runs, wrappers stripped. */
  argv: string[];
  /** The last wrapper stripped, if the command after it is missing (`sudo`, `env`). */
  wrapper: string | null;
  /** Strings the command runs as shell code (`bash -c '…'`, `env -S '…'`, `watch '…'`). */
  code: string[];
  reasons: string[];
}

/** Strips assignments, keywords and wrappers (`sudo env FOO=1 nice -n 5 rm -rf x` → `rm -rf x`). */
function resolveCommand(argv: readonly string[]): Resolved {
  let args = [...argv];
  let wrapper: string | null = null;
  const code: string[] = [];
  const reasons: string[] = [];
  for (let guard = 0; guard < 32 && args.length > 0; guard++) {
    while (args[0] !== undefined && ASSIGNMENT.test(args[0])) args.shift();
    const name = commandName(args[0]);
    if (name === '') break;
    if (LEADING_KEYWORDS.has(name)) {
      args.shift();
      // `coproc NAME { …; }`: the name is not the command.
      if (name === 'coproc' && args[1] === '{') args.shift();
      continue;
    }
    if (name === 'function') {
      // `function f { rm -rf /; }` and `function f() { … }`: the body runs when f is called.
      args.splice(0, 2);
      if (args[0] === '()') args.shift();
      continue;
    }
    if (NO_COMMAND_KEYWORDS.has(name)) return { argv: [], wrapper: null, code, reasons };
    const privilege = PRIVILEGE[name];
    if (privilege) reasons.push(privilege);
    if (name === 'su') {
      const c = args.findIndex((a) => a === '-c' || a === '--command');
      const inline = args.find((a) => a.startsWith('--command='));
      if (c >= 0 && args[c + 1] !== undefined) code.push(args[c + 1] ?? '');
      if (inline) code.push(inline.slice('--command='.length));
      return { argv: args, wrapper: null, code, reasons };
    }
    if (name === 'watch') {
      // watch hands its arguments to `sh -c`.
      const rest = skipOptions(args.slice(1), { short: 'nd', long: ['--interval', '--differences'] });
      if (rest && rest.length > 0) code.push(rest.join(' '));
      return { argv: args, wrapper: rest && rest.length > 0 ? null : name, code, reasons };
    }
    if (name === 'env') {
      const split = args.findIndex((a) => a === '-S' || a === '--split-string');
      if (split >= 0 && args[split + 1] !== undefined) {
        code.push(args[split + 1] ?? '');
        return { argv: args, wrapper: null, code, reasons };
      }
    }
    const spec = WRAPPERS[name];
    if (spec) {
      const rest = skipOptions(args.slice(1), spec);
      if (rest === null) return { argv: [], wrapper: null, code, reasons };
      args = rest;
      wrapper = name;
      continue;
    }
    if (SHELLS.has(name)) {
      const inline = shellCodeArgument(args);
      if (inline !== null) code.push(inline);
    }
    return { argv: args, wrapper: null, code, reasons };
  }
  return { argv: args, wrapper: args.length === 0 ? wrapper : null, code, reasons };
}

/** Skips a wrapper's options; null when an option means nothing will run. */
function skipOptions(args: string[], spec: WrapperSpec): string[] | null {
  let i = 0;
  while (i < args.length) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg.startsWith('--')) {
      i += spec.long?.includes(arg) ? 2 : 1;
      continue;
    }
    if (/^-\d+$/.test(arg)) {
      i++; // `nice -10`
      continue;
    }
    const letters = arg.slice(1);
    if (spec.query && [...letters].some((l) => spec.query?.includes(l))) return null;
    // `-n 5` takes the next word; `-n5` or `-oL` carry the value inline.
    const last = letters[letters.length - 1] ?? '';
    const takesValue = letters.length === 1 && spec.short?.includes(last);
    i += takesValue ? 2 : 1;
  }
  return args.slice(i + (spec.positional ?? 0));
}

/** `bash -c 'code'`, `sh -lc 'code'`, `bash -o pipefail -c 'code'` → the code; else null. */
function shellCodeArgument(argv: readonly string[]): string | null {
  let sawC = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return sawC ? (argv[i + 1] ?? null) : null;
    if (/^[-+][oO]$/.test(arg)) {
      i++;
      continue;
    }
    if (/^[-+][A-Za-z]+$/.test(arg)) {
      if (arg.startsWith('-') && arg.includes('c')) sawC = true;
      continue;
    }
    if (arg.startsWith('--')) continue;
    return sawC ? arg : null;
  }
  return null;
}

function isInterpreter(name: string): boolean {
  return SHELLS.has(name) || OTHER_INTERPRETERS.has(name) || /^(python|pypy)[\d.]*$/.test(name);
}

/** Would `… | name args` run what comes in on stdin as code? */
function readsStdinAsCode(argv: readonly string[]): boolean {
  const shell = SHELLS.has(commandName(argv[0]));
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-') return true;
    if (arg === '--') return argv[i + 1] === undefined || argv[i + 1] === '-';
    if (shell && /^[-+][oO]$/.test(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-') || (shell && arg.startsWith('+'))) {
      if (shell && /^-[A-Za-z]+$/.test(arg) && arg.includes('c')) return false;
      if (!shell && CODE_FLAGS.has(arg)) return false;
      continue;
    }
    return false; // a script file: stdin is that script's input, not code
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Dangerous commands

/** Why a command line is dangerous (empty when it is not), looking inside every nesting. */
export function commandDangers(command: string): string[] {
  return parsedCommandDangers(parseShell(command));
}

/** The same, for a command already parsed. */
export function parsedCommandDangers(parsed: ParsedCommand): string[] {
  return unique(parsedDangers(parsed, 0, false));
}

// Above the reader's own nesting limit (32), so that limit is the one that applies.
const MAX_CODE_DEPTH = 40;

/** `downloadIn`: the first segment's stdin is a download (`curl x | tee >(sh)`). */
function parsedDangers(parsed: ParsedCommand, depth: number, downloadIn: boolean): string[] {
  if (depth > MAX_CODE_DEPTH) return [];
  const out: string[] = [];
  let downloadUpstream = downloadIn;
  const feedsDownload = new Set<number>();
  parsed.segments.forEach((segment, index) => {
    if (index > 0 && segment.operator !== '|' && segment.operator !== '|&') downloadUpstream = false;
    const resolved = resolveCommand(segment.argv);
    const name = commandName(resolved.argv[0]);
    out.push(...resolved.reasons, ...argvDangers(resolved.argv), ...redirectionDangers(segment.redirections));
    for (const code of resolved.code) out.push(...parsedDangers(parseShell(code), depth + 1, false));

    const nestedHere = parsed.nested.filter((n) => n.segment === index);
    const downloadsHere = nestedHere.some((n) => containsDownloader(n.parsed)) || resolved.code.some((c) => containsDownloader(parseShell(c)));
    if (isInterpreter(name) || name === 'source' || name === '.' || name === 'eval') {
      if (downloadUpstream && readsStdinAsCode(resolved.argv)) out.push(`pipes a download into \`${name}\`, which runs whatever the server sends`);
      else if (downloadsHere) out.push(`runs downloaded code with \`${name}\``);
    } else if (/[$`]/.test(name) && downloadsHere) {
      out.push('runs the output of a download as a command');
    }
    if (DOWNLOADERS.has(name.toLowerCase()) || downloadsHere) downloadUpstream = true;
    // A `>(…)` in this segment receives what the segment writes, i.e. the download.
    if (downloadUpstream) feedsDownload.add(index);
  });
  for (const nested of parsed.nested) {
    out.push(...parsedDangers(nested.parsed, depth + 1, nested.opener === '>(' && feedsDownload.has(nested.segment)));
  }
  // `:(){ :|:& };:` — a function that pipes itself into itself in the background, then called.
  if (/([A-Za-z_:][\w:]*)\(\)\{\1\|\1&\};?\1/.test(parsed.source.replace(/\s+/g, ''))) out.push('is a fork bomb that exhausts the machine');
  if (parsed.errors.includes('commands nested too deeply to analyse')) out.push('nests commands too deeply to analyse');
  return out;
}

function containsDownloader(parsed: ParsedCommand): boolean {
  return (
    parsed.segments.some((segment) => {
      const resolved = resolveCommand(segment.argv);
      return DOWNLOADERS.has(commandName(resolved.argv[0]).toLowerCase()) || resolved.code.some((c) => containsDownloader(parseShell(c)));
    }) || parsed.nested.some((n) => containsDownloader(n.parsed))
  );
}

/** Device files that are safe to write to; any other /dev path is a disk, a partition or worse. */
const SAFE_DEVICE = /^\/dev\/(null|zero|stdout|stderr|stdin|tty|random|urandom|full|(fd|pts|shm)\/.*)$/;
const OUTPUT_REDIRECTIONS = new Set(['>', '>>', '>|', '&>', '&>>', '<>', '>&']);

/** bash's network pseudo-files: not devices, but sockets to another machine. */
const NETWORK_DEVICE = /^\/dev\/(tcp|udp)\//;

function redirectionDangers(redirections: readonly Redirection[]): string[] {
  const out: string[] = [];
  for (const r of redirections) {
    if (NETWORK_DEVICE.test(r.target)) {
      if (r.op !== '<<' && r.op !== '<<-' && r.op !== '<<<') out.push(`opens a network connection through \`${r.target}\`, the usual building block of a reverse shell`);
    } else if (OUTPUT_REDIRECTIONS.has(r.op) && r.target.startsWith('/dev/') && !SAFE_DEVICE.test(r.target)) {
      out.push(`writes directly to the device \`${r.target}\`, destroying what is on it`);
    }
  }
  return out;
}

function argvDangers(argv: readonly string[]): string[] {
  const name = commandName(argv[0]);
  const args = argv.slice(1);
  if (name === 'rm') return rmDangers(args);
  if (name === 'chmod') {
    const mode = chmodMode(args);
    return mode !== null && isWorldWritable(mode) ? [`\`chmod ${mode}\` makes files writable by every user`] : [];
  }
  if (name === 'dd') {
    const device = args.find((a) => a.startsWith('of=/dev/') && !SAFE_DEVICE.test(a.slice(3)));
    return device ? [`\`dd\` writes raw data to the device \`${device.slice(3)}\``] : [];
  }
  if (/^mkfs(\..+)?$/.test(name) || name === 'mke2fs' || name === 'wipefs') return [`\`${name}\` erases a file system`];
  if (name === 'eval') return ['`eval` runs a string as code, so it can run anything'];
  if (name === 'git' && isGitForcePush(args)) return ['`git push --force` overwrites history on the remote'];
  if (name === 'find') return [...(args.includes('-delete') ? ['`find … -delete` deletes every file it matches'] : []), ...findExecDangers(args)];
  if (name === 'truncate') return ['`truncate` cuts files to a given size, destroying their contents'];
  if (name === 'shred') return ['`shred` overwrites files so they cannot be recovered'];
  return [];
}

function rmDangers(args: readonly string[]): string[] {
  let recursive = false;
  let force = false;
  let noPreserveRoot = false;
  for (const arg of args) {
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      // GNU accepts any unambiguous abbreviation: `--rec`, `--f`.
      const long = arg.slice(2);
      if (long.length > 0 && 'recursive'.startsWith(long)) recursive = true;
      if (long.length > 0 && 'force'.startsWith(long)) force = true;
      if (long.length > 2 && 'no-preserve-root'.startsWith(long)) noPreserveRoot = true;
    } else if (/^-[A-Za-z]+$/.test(arg)) {
      if (/[rR]/.test(arg)) recursive = true;
      if (arg.includes('f')) force = true;
    }
  }
  const out: string[] = [];
  if (recursive && force) out.push('`rm -rf` deletes files recursively without asking');
  if (noPreserveRoot) out.push('`rm --no-preserve-root` removes the safeguard against deleting `/`');
  return out;
}

/** The mode operand of chmod (its first non-option word), or null. */
function chmodMode(args: readonly string[]): string | null {
  for (const arg of args) {
    if (arg.startsWith('--')) continue;
    // `-w`/`-x` are modes, not options; chmod's own options are -R -v -c -f.
    if (/^-[Rvcf]+$/.test(arg)) continue;
    return arg;
  }
  return null;
}

function isWorldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) return (Number(mode[mode.length - 1]) & 2) === 2;
  return mode.split(',').some((clause) => {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    return m !== null && /[ao]/.test(m[1] ?? '') && m[2] !== '-' && (m[3] ?? '').includes('w');
  });
}

const GIT_OPTIONS_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);

/** The git subcommand and its arguments, skipping git's own options (`git -C dir push`). */
function gitSubcommand(args: readonly string[]): { sub: string | null; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (GIT_OPTIONS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return { sub: arg, rest: args.slice(i + 1) };
  }
  return { sub: null, rest: [] };
}

function isGitForcePush(args: readonly string[]): boolean {
  const { sub, rest } = gitSubcommand(args);
  if (sub !== 'push') return false;
  // `--force-with-lease` is the safe variant and is not reported; `+main` forces one refspec.
  return rest.some((a) => a === '--force' || /^-[A-Za-z]*f[A-Za-z]*$/.test(a) || /^\+[^+]/.test(a));
}

/** `find … -exec rm -rf {} +`: the command after -exec runs once per file. */
function findExecDangers(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(args[i] ?? '')) continue;
    const end = args.findIndex((a, j) => j > i && (a === ';' || a === '+'));
    const inner = args.slice(i + 1, end < 0 ? undefined : end);
    const resolved = resolveCommand(inner);
    out.push(...resolved.reasons, ...argvDangers(resolved.argv));
    i = end < 0 ? args.length : end;
  }
  return out;
}

/** Names a raw prefix such as `r*` or `su*` may complete to. */
const DANGEROUS_NAMES = ['rm', 'sudo', 'su', 'doas', 'pkexec', 'chmod', 'dd', 'mkfs', 'eval', 'sh', 'bash', 'zsh', 'python', 'node', 'perl'];

/** What a `prefix *` entry trusts once arbitrary words are appended. */
function completionDangers(entry: TrustEntry, parsed: ParsedCommand): string[] {
  const out: string[] = [];
  if (/\|\s*$/.test(entry.prefix) && containsDownloader(parsed)) out.push(`\`${entry.entry}\` trusts piping a download into any shell`);
  const last = parsed.segments[parsed.segments.length - 1];
  if (!last) return out;
  const resolved = resolveCommand(last.argv);
  if (resolved.argv.length === 0) {
    if (resolved.wrapper) out.push(`\`${resolved.wrapper}\` runs whatever command follows it, so \`${entry.entry}\` trusts every command`);
    return out;
  }
  let argv = resolved.argv;
  if (entry.kind === 'raw-prefix' && !/\s$/.test(entry.prefix)) {
    // `r*`: the last word is unfinished.
    const partial = argv[argv.length - 1] ?? '';
    if (argv.length === 1) {
      const names = DANGEROUS_NAMES.filter((n) => n.startsWith(partial));
      if (names.length > 0) out.push(`\`${entry.entry}\` also matches ${names.map((n) => `\`${n} …\``).join(', ')}`);
    } else argv = argv.slice(0, -1);
  }
  const name = commandName(argv[0]);
  const args = argv.slice(1);
  const operands = args.filter((a) => !a.startsWith('-'));
  if (name === 'rm') out.push(`\`${entry.entry}\` trusts \`rm -rf\` on any path`);
  if (name === 'chmod' && chmodMode(args) === null) out.push(`\`${entry.entry}\` trusts \`chmod 777\``);
  if (name === 'dd') out.push(`\`${entry.entry}\` trusts \`dd of=/dev/…\`, overwriting a disk`);
  if (isInterpreter(name) && operands.length === 0) out.push(`\`${entry.entry}\` trusts \`${name} ${SHELLS.has(name) || name.startsWith('py') ? '-c' : '-e'} '<any code>'\``);
  if (PACKAGE_RUNNERS.has(name) && operands.length === 0) out.push(`\`${entry.entry}\` trusts downloading and running any package`);
  if (name === 'git') {
    const { sub } = gitSubcommand(args);
    if (sub === null || sub === 'push') out.push(`\`${entry.entry}\` trusts \`git push --force\`, which overwrites history on the remote`);
  }
  return out;
}

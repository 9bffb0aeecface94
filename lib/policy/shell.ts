/**
 * Reads a command line the way a POSIX shell (bash) reads it, far enough to answer two questions:
 * which simple commands does it run, and does it run anything we cannot see statically
 * (command substitution, backticks, subshells, process substitution)?
 *
 * Why not `shell-quote`: it drops newlines (so `a\nb` becomes one command `a b`), does not know
 * backticks, turns `$(` into a `$` word, splits `2>&1` into three tokens and silently closes
 * unterminated quotes. Each of those would let a dangerous command hide, so this is a small
 * hand-written reader instead. It is not an interpreter: it never expands variables or globs.
 *
 * Known simplifications: `case … in x)` patterns and `$((…))` vs `$( (…) )` ambiguities are not
 * resolved like bash does; a function definition `f() { … }` ends a segment after `f()`.
 * Anything odd is reported in `errors`; the reader never throws.
 *
 * Library trial (issue 9, Dec 2026): `unbash` 6.0.4 (ISC, pure-JS ESM, synchronous, no dependencies,
 * last published 2026-11-07) behind this `ParsedCommand` shape, with every shell, false-negative,
 * lint/dangers and coverage test run against it: 353 of 362 passed, so it was not adopted (the rule
 * was "only if it passes every existing test"). Failing: eight error wordings that users see
 * through coverage reasons (`&& a` → "unexpected token '&&'", `a ||` → "expected command after
 * '||'", `a | | b`, `echo x >` → "expected redirect target", `echo $(rm -rf /`, `(cd x && ls`,
 * `echo ${x`, `echo a)`), and one real gap: `cat <<EOF` with no closing `EOF` gives no error at all,
 * where we flag it (strict coverage then refuses to vouch). Our adapter also had to re-derive `;`
 * vs newline from the source (the AST has no separator nodes) and re-parse nested code to get each
 * nested `source`. Speed: unbash 0.89× our time on 10,000 commands from the test tables (about
 * 278k vs 248k commands/s) — not a reason to switch. Browser cost: 105 KB minified, 27.7 KB
 * gzipped, against 3.2 KB gzipped for this file. The adapter, harness and `bench:shell-parser`
 * script are in commit 70a1e7a ("Shell parsing trial") if the trial is to be repeated.
 */

export type ShellOperator = ';' | '&&' | '||' | '|' | '|&' | '&' | 'newline';
export type NestedKind = 'command-substitution' | 'backticks' | 'subshell' | 'process-substitution' | 'shell-input';

export interface Redirection {
  /** The file descriptor written before the operator (`2` in `2>&1`), if any. */
  fd: string | null;
  op: string;
  /** The target word after quote removal (`1` in `2>&1`, the delimiter for `<<`). */
  target: string;
}

/** One simple command: what runs between two operators. */
export interface ShellSegment {
  /** Raw source text, trimmed, without the joining operator or a trailing comment. */
  text: string;
  /** Words after quote removal, without leading assignments and redirections. */
  argv: string[];
  /** Leading `NAME=value` words (after quote removal). */
  assignments: string[];
  redirections: Redirection[];
  /** The operator between the previous segment and this one; null for the first. */
  operator: ShellOperator | null;
}

/** Code run in a nested context; `parsed` is the same analysis of its text. */
export interface NestedCommand {
  kind: NestedKind;
  /**
   * How it was opened: `$(`, a backtick, `(`, `<(` (read by the command), `>(` (written to), or
   * `<<`/`<<<` for a here-document or here-string fed to a shell, which runs it as code.
   */
  opener: string;
  /** The code inside the delimiters (backslash escapes already removed for backticks). */
  text: string;
  /** Index (in the enclosing `segments`) of the segment that contains it. */
  segment: number;
  parsed: ParsedCommand;
}

export interface ParsedCommand {
  source: string;
  segments: ShellSegment[];
  nested: NestedCommand[];
  /** The flags are true when the construct appears anywhere, at any depth. */
  hasCommandSubstitution: boolean;
  hasBackticks: boolean;
  hasSubshell: boolean;
  hasProcessSubstitution: boolean;
  /** A here-document or here-string is fed to a shell (`bash <<EOF`, `sh <<< '…'`): code read from stdin. */
  hasShellInput: boolean;
  /** Syntax problems (unterminated quotes or parentheses, missing commands…). */
  errors: string[];
}

const MAX_DEPTH = 32;
const BINARY: ReadonlySet<ShellOperator> = new Set(['&&', '||', '|', '|&']);
const METACHARS = ' \t\r\n;&|()<>';
const REDIRECTION_OPS = ['&>>', '&>', '<<<', '<<-', '<<', '<>', '<&', '>>', '>|', '>&', '>', '<'];
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** Shells, whose stdin is code when no script or `-c` is given. */
const SHELL_NAMES = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'csh', 'tcsh']);
/** Words that run the rest of the line as a command (`sudo bash <<EOF`). */
const PASS_THROUGH = new Set(['sudo', 'doas', 'env', 'nohup', 'exec', 'command', 'builtin', 'time', 'nice', 'setsid', 'stdbuf', 'run0', 'pkexec']);

/** Does this simple command read its stdin as shell code? (`bash`, `sudo sh -s`, `env bash -`; not `bash script.sh` or `bash -c …`.) */
export function readsStdinAsShell(argv: readonly string[]): boolean {
  let i = 0;
  while (i < argv.length) {
    const word = argv[i] ?? '';
    const name = word.slice(word.lastIndexOf('/') + 1);
    if (ASSIGNMENT.test(word) || (i > 0 && word.startsWith('-')) || PASS_THROUGH.has(name)) {
      i++;
      continue;
    }
    if (!SHELL_NAMES.has(name)) return false;
    for (const arg of argv.slice(i + 1)) {
      if (arg === '-' || arg === '-s') return true;
      if (arg === '--') continue;
      if (/^-[A-Za-z]*c[A-Za-z]*$/.test(arg)) return false;
      if (!arg.startsWith('-') && !arg.startsWith('+')) return false; // a script file
    }
    return true;
  }
  return false;
}

interface Heredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  segment: number;
}

interface Cursor {
  src: string;
  i: number;
  depth: number;
  errors: string[];
  heredocs: Heredoc[];
}

interface SegmentBuilder {
  start: number;
  end: number;
  argv: string[];
  assignments: string[];
  redirections: Redirection[];
  operator: ShellOperator | null;
  hasGroup: boolean;
}

interface ListResult {
  segments: ShellSegment[];
  nested: NestedCommand[];
  closed: boolean;
}

export function parseShell(source: string): ParsedCommand {
  return parseAt(source, 0, []);
}

function parseAt(source: string, depth: number, errorSink: string[]): ParsedCommand {
  const cur: Cursor = { src: source, i: 0, depth, errors: [], heredocs: [] };
  const list = parseList(cur, null);
  errorSink.push(...cur.errors);
  return buildParsed(source, list, cur.errors);
}

function buildParsed(source: string, list: ListResult, errors: string[]): ParsedCommand {
  const has = (kind: NestedKind, flag: keyof ParsedCommand) => list.nested.some((n) => n.kind === kind || n.parsed[flag] === true);
  return {
    source,
    segments: list.segments,
    nested: list.nested,
    hasCommandSubstitution: has('command-substitution', 'hasCommandSubstitution'),
    hasBackticks: has('backticks', 'hasBackticks'),
    hasSubshell: has('subshell', 'hasSubshell'),
    hasProcessSubstitution: has('process-substitution', 'hasProcessSubstitution'),
    hasShellInput: has('shell-input', 'hasShellInput'),
    errors,
  };
}

const emptySegment = (operator: ShellOperator | null): SegmentBuilder => ({
  start: -1,
  end: -1,
  argv: [],
  assignments: [],
  redirections: [],
  operator,
  hasGroup: false,
});

/** Reads segments until the end of input or, when `opener` is set, the `)` closing it. */
function parseList(cur: Cursor, opener: string | null): ListResult {
  const closing = opener !== null;
  const { src } = cur;
  const segments: ShellSegment[] = [];
  const nested: NestedCommand[] = [];
  let seg = emptySegment(null);
  let closed = false;

  const touch = (start: number, end: number) => {
    if (seg.start < 0) seg.start = start;
    seg.end = end;
  };
  const finish = (next: ShellOperator | null) => {
    if (seg.start < 0) {
      // A newline after `&&`/`|` (or a blank line) continues the command list, as in bash.
      if (next === 'newline') return;
      if (next !== null && (BINARY.has(next) || (seg.operator !== null && BINARY.has(seg.operator)))) {
        cur.errors.push(`missing command before '${next}'`);
      } else if (next === null && seg.operator !== null && BINARY.has(seg.operator)) {
        cur.errors.push(`missing command after '${seg.operator}'`);
      }
      if (next !== null) seg.operator = next;
      return;
    }
    segments.push({
      text: src.slice(seg.start, seg.end).trim(),
      argv: seg.argv,
      assignments: seg.assignments,
      redirections: seg.redirections,
      operator: segments.length === 0 ? null : seg.operator,
    });
    // `sh <<< 'rm -rf /'`: the here-string is the code the shell runs.
    if (readsStdinAsShell(seg.argv)) {
      for (const redirection of seg.redirections) {
        if (redirection.op === '<<<') nested.push(shellInput('<<<', redirection.target, segments.length - 1, cur));
      }
    }
    seg = emptySegment(next);
  };
  const group = (start: number) => {
    const item = readNested(cur, 'subshell', 1, segments.length, '(');
    nested.push(item);
    seg.hasGroup = true;
    touch(start, cur.i);
  };

  while (cur.i < src.length) {
    const i = cur.i;
    const c = src[i];
    const two = src.slice(i, i + 2);
    if (c === ' ' || c === '\t' || c === '\r') {
      cur.i++;
    } else if (two === '\\\n') {
      cur.i += 2; // line continuation
    } else if (c === '#') {
      const nl = src.indexOf('\n', i);
      cur.i = nl < 0 ? src.length : nl;
    } else if (c === '\n') {
      cur.i++;
      finish('newline');
      readHeredocs(cur, nested, segments);
    } else if (c === ')') {
      cur.i++;
      if (closing) {
        closed = true;
        break;
      }
      cur.errors.push("unexpected ')'");
      finish(';');
    } else if (src.startsWith(';;&', i)) {
      cur.i += 3;
      finish(';');
    } else if (two === ';;' || two === ';&') {
      cur.i += 2;
      finish(';');
    } else if (c === ';') {
      cur.i++;
      finish(';');
    } else if (two === '&&' || two === '||' || two === '|&') {
      cur.i += 2;
      finish(two);
    } else if (c === '|') {
      cur.i++;
      finish('|');
    } else if (c === '&' && src[i + 1] !== '>') {
      cur.i++;
      finish('&');
    } else if (c === '(') {
      if (seg.start < 0) {
        group(i);
      } else if (seg.argv.length === 1 && /^\(\s*\)/.test(src.slice(i))) {
        // `name()`: a function definition; its body is read as the following segments.
        cur.i = i + (/^\(\s*\)/.exec(src.slice(i))?.[0].length ?? 1);
        touch(seg.start, cur.i);
        finish(';');
      } else {
        cur.errors.push("unexpected '('");
        group(i);
      }
    } else {
      const redirection = matchRedirection(src, i);
      if (redirection) {
        cur.i = i + redirection.length;
        skipBlanks(cur);
        const target = atWordStart(cur) ? readWord(cur, nested, segments.length) : null;
        if (!target) cur.errors.push(`missing target after '${redirection.op}'`);
        const value = target?.value ?? '';
        seg.redirections.push({ fd: redirection.fd, op: redirection.op, target: value });
        if (redirection.op === '<<' || redirection.op === '<<-') {
          const raw = target ? src.slice(target.start, target.end) : '';
          cur.heredocs.push({ delimiter: value, quoted: /["'\\]/.test(raw), stripTabs: redirection.op === '<<-', segment: segments.length });
        }
        touch(i, target?.end ?? cur.i);
        continue;
      }
      const word = readWord(cur, nested, segments.length);
      if (!word) {
        cur.errors.push(`unexpected '${c}'`);
        cur.i++;
        continue;
      }
      const raw = src.slice(word.start, word.end);
      if (seg.argv.length === 0 && !seg.hasGroup && ASSIGNMENT.test(raw)) seg.assignments.push(word.value);
      else seg.argv.push(word.value);
      touch(word.start, word.end);
    }
  }
  if (closing && !closed) cur.errors.push(`unterminated '${opener}'`);
  finish(null);
  if (cur.heredocs.length > 0 && !closing) {
    for (const heredoc of cur.heredocs) cur.errors.push(`unterminated here-document (missing '${heredoc.delimiter}')`);
    cur.heredocs = [];
  }
  return { segments, nested, closed };
}

function skipBlanks(cur: Cursor): void {
  while (cur.src[cur.i] === ' ' || cur.src[cur.i] === '\t') cur.i++;
}

function atWordStart(cur: Cursor): boolean {
  const c = cur.src[cur.i];
  if (c === undefined) return false;
  if ((c === '<' || c === '>') && cur.src[cur.i + 1] === '(') return true; // `> >(tee log)`
  return !METACHARS.includes(c);
}

function matchRedirection(src: string, i: number): { fd: string | null; op: string; length: number } | null {
  const fd = /^\d+/.exec(src.slice(i, i + 10))?.[0] ?? null;
  const at = i + (fd?.length ?? 0);
  const op = REDIRECTION_OPS.find((candidate) => src.startsWith(candidate, at));
  if (!op) return null;
  if (fd && op.startsWith('&')) return null; // `2&>x` is not a thing; read `2` as a word
  // `<(` and `>(` start a process substitution, which is a word.
  if ((op === '<' || op === '>') && src[at + 1] === '(') return null;
  return { fd, op, length: at + op.length - i };
}

/** Reads `(…`, `$(…`, `<(…` or `>(…` starting at cur.i: `openLength` characters of opener. */
function readNested(cur: Cursor, kind: NestedKind, openLength: number, segment: number, opener: string): NestedCommand {
  const start = cur.i + openLength;
  cur.i = start;
  if (cur.depth >= MAX_DEPTH) {
    cur.errors.push('commands nested too deeply to analyse');
    const text = cur.src.slice(start);
    cur.i = cur.src.length;
    return { kind, opener, text, segment, parsed: buildParsed(text, { segments: [], nested: [], closed: false }, ['commands nested too deeply to analyse']) };
  }
  const errorsBefore = cur.errors.length;
  cur.depth++;
  const list = parseList(cur, opener);
  cur.depth--;
  const end = list.closed ? cur.i - 1 : cur.i;
  const text = cur.src.slice(start, end);
  return { kind, opener, text: text.trim(), segment, parsed: buildParsed(text, list, cur.errors.slice(errorsBefore)) };
}

interface Word {
  value: string;
  start: number;
  end: number;
}

/** Reads one word, removing quotes; returns null when the cursor is not at a word. */
function readWord(cur: Cursor, nested: NestedCommand[], segment: number): Word | null {
  const { src } = cur;
  const start = cur.i;
  let value = '';
  while (cur.i < src.length) {
    const i = cur.i;
    const c = src[i] ?? '';
    const next = src[i + 1];
    if (METACHARS.includes(c)) {
      if (i === start && (c === '<' || c === '>') && next === '(') {
        nested.push(readNested(cur, 'process-substitution', 2, segment, `${c}(`));
        value += src.slice(i, cur.i);
        continue;
      }
      break;
    }
    if (c === '\\') {
      if (next === '\n') cur.i += 2;
      else if (next === undefined) {
        value += '\\';
        cur.i++;
      } else {
        value += next;
        cur.i += 2;
      }
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) {
        cur.errors.push('unterminated single quote');
        value += src.slice(i + 1);
        cur.i = src.length;
      } else {
        value += src.slice(i + 1, close);
        cur.i = close + 1;
      }
    } else if (c === '"') {
      cur.i++;
      value += readDoubleQuoted(cur, nested, segment);
    } else if (c === '$' && next === "'") {
      cur.i += 2;
      value += readAnsiC(cur);
    } else if (c === '$' && next === '"') {
      cur.i += 2;
      value += readDoubleQuoted(cur, nested, segment);
    } else {
      const raw = readExpansion(cur, nested, segment);
      if (raw === null) {
        value += c;
        cur.i++;
      } else value += raw;
    }
  }
  return cur.i === start ? null : { value, start, end: cur.i };
}

/** After the opening `"`: reads to the closing quote; `$(…)` and backticks still run in there. */
function readDoubleQuoted(cur: Cursor, nested: NestedCommand[], segment: number): string {
  const { src } = cur;
  let value = '';
  while (cur.i < src.length) {
    const c = src[cur.i] ?? '';
    const next = src[cur.i + 1];
    if (c === '"') {
      cur.i++;
      return value;
    }
    if (c === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
      if (next !== '\n') value += next;
      cur.i += 2;
      continue;
    }
    const raw = readExpansion(cur, nested, segment);
    if (raw === null) {
      value += c;
      cur.i++;
    } else value += raw;
  }
  cur.errors.push('unterminated double quote');
  return value;
}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** After `$'`: bash's ANSI-C quoting, so `$'rm\x20-rf'` reads as `rm -rf`. */
function readAnsiC(cur: Cursor): string {
  const { src } = cur;
  let value = '';
  while (cur.i < src.length) {
    const c = src[cur.i] ?? '';
    if (c === "'") {
      cur.i++;
      return value;
    }
    if (c !== '\\') {
      value += c;
      cur.i++;
      continue;
    }
    const rest = src.slice(cur.i + 1);
    const code = /^x([0-9a-fA-F]{1,2})/.exec(rest) ?? /^u([0-9a-fA-F]{1,4})/.exec(rest) ?? /^U([0-9a-fA-F]{1,8})/.exec(rest);
    const octal = /^[0-7]{1,3}/.exec(rest);
    const letter = rest[0] ?? '';
    if (code?.[1]) {
      value += String.fromCodePoint(Math.min(parseInt(code[1], 16), 0x10ffff));
      cur.i += 1 + code[0].length;
    } else if (octal) {
      value += String.fromCharCode(parseInt(octal[0], 8));
      cur.i += 1 + octal[0].length;
    } else if (letter in ANSI_ESCAPES) {
      value += ANSI_ESCAPES[letter];
      cur.i += 2;
    } else {
      value += `\\${letter}`;
      cur.i += 1 + letter.length;
    }
  }
  cur.errors.push("unterminated $' quote");
  return value;
}

/** `$(…)`, `$((…))`, `${…}` or a backtick at cur.i: consumes it and returns its raw text, else null. */
function readExpansion(cur: Cursor, nested: NestedCommand[], segment: number): string | null {
  const { src } = cur;
  const start = cur.i;
  const c = src[start];
  if (c === '`') {
    readBackticks(cur, nested, segment);
  } else if (c === '$' && src.startsWith('$((', start)) {
    readArithmetic(cur, nested, segment);
  } else if (c === '$' && src[start + 1] === '(') {
    nested.push(readNested(cur, 'command-substitution', 2, segment, '$('));
  } else if (c === '$' && src[start + 1] === '{') {
    readParameter(cur, nested, segment);
  } else {
    return null;
  }
  return src.slice(start, cur.i);
}

/** Backticks: the inner text loses one level of `\` escaping, then is parsed on its own. */
function readBackticks(cur: Cursor, nested: NestedCommand[], segment: number): void {
  const { src } = cur;
  cur.i++;
  let inner = '';
  let closed = false;
  while (cur.i < src.length) {
    const c = src[cur.i] ?? '';
    const next = src[cur.i + 1];
    if (c === '`') {
      cur.i++;
      closed = true;
      break;
    }
    if (c === '\\' && next !== undefined && '`$\\'.includes(next)) {
      inner += next;
      cur.i += 2;
    } else {
      inner += c;
      cur.i++;
    }
  }
  if (!closed) cur.errors.push('unterminated backtick');
  const parsed =
    cur.depth >= MAX_DEPTH
      ? buildParsed(inner, { segments: [], nested: [], closed: false }, ['commands nested too deeply to analyse'])
      : parseAt(inner, cur.depth + 1, cur.errors);
  nested.push({ kind: 'backticks', opener: '`', text: inner.trim(), segment, parsed });
}

/** `$((…))`: arithmetic runs no command itself, but may contain `$(…)` or backticks that do. */
function readArithmetic(cur: Cursor, nested: NestedCommand[], segment: number): void {
  const { src } = cur;
  cur.i += 3;
  let depth = 0;
  while (cur.i < src.length) {
    const c = src[cur.i];
    if (c === ')' && depth === 0 && src[cur.i + 1] === ')') {
      cur.i += 2;
      return;
    }
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (readExpansion(cur, nested, segment) === null) cur.i++;
  }
  cur.errors.push("unterminated '$(('");
}

/** `${…}`: `${x:-$(cmd)}` runs cmd, so the body is scanned for expansions too. */
function readParameter(cur: Cursor, nested: NestedCommand[], segment: number): void {
  const { src } = cur;
  cur.i += 2;
  let depth = 0;
  while (cur.i < src.length) {
    const c = src[cur.i];
    if (c === '}') {
      cur.i++;
      if (depth === 0) return;
      depth--;
    } else if (c === '{') {
      depth++;
      cur.i++;
    } else if (c === '\\') {
      cur.i += 2;
    } else if (c === "'") {
      const close = src.indexOf("'", cur.i + 1);
      cur.i = close < 0 ? src.length : close + 1;
    } else if (c === '"') {
      cur.i++;
      readDoubleQuoted(cur, nested, segment);
    } else if (readExpansion(cur, nested, segment) === null) {
      cur.i++;
    }
  }
  cur.errors.push("unterminated '${'");
}

/** Code fed to a shell on stdin, parsed like any other nested command. */
function shellInput(opener: '<<' | '<<<', text: string, segment: number, cur: Cursor): NestedCommand {
  const parsed =
    cur.depth >= MAX_DEPTH ? buildParsed(text, { segments: [], nested: [], closed: false }, ['commands nested too deeply to analyse']) : parseAt(text, cur.depth + 1, cur.errors);
  return { kind: 'shell-input', opener, text: text.trim(), segment, parsed };
}

/** At the start of a line after `<<DELIM`: reads the here-document bodies (data, unless a shell reads them). */
function readHeredocs(cur: Cursor, nested: NestedCommand[], segments: readonly ShellSegment[]): void {
  const pending = cur.heredocs;
  cur.heredocs = [];
  for (const heredoc of pending) {
    const start = cur.i;
    const ok = readHeredocBody(cur, heredoc, nested);
    if (!ok) cur.errors.push(`unterminated here-document (missing '${heredoc.delimiter}')`);
    const segment = segments[heredoc.segment];
    if (segment && readsStdinAsShell(segment.argv)) {
      const body = cur.src.slice(start, cur.i).replace(/\n?[^\n]*\n?$/, ok ? '' : '$&');
      nested.push(shellInput('<<', heredoc.stripTabs ? body.replace(/^\t+/gm, '') : body, heredoc.segment, cur));
    }
  }
}

function readHeredocBody(cur: Cursor, heredoc: Heredoc, nested: NestedCommand[]): boolean {
  const { src } = cur;
  const { segment } = heredoc;
  let lineStart = true;
  while (cur.i < src.length) {
    if (lineStart) {
      const nl = src.indexOf('\n', cur.i);
      const end = nl < 0 ? src.length : nl;
      const line = src.slice(cur.i, end);
      if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) {
        cur.i = Math.min(end + 1, src.length);
        return true;
      }
      lineStart = false;
    }
    const c = src[cur.i];
    if (c === '\n') {
      cur.i++;
      lineStart = true;
    } else if (heredoc.quoted) {
      cur.i++;
    } else if (c === '\\') {
      cur.i += 2; // an unquoted body still honours `\$` and `\``
    } else if (readExpansion(cur, nested, segment) === null) {
      cur.i++; // an unquoted body still runs `$(…)` and backticks
    }
  }
  return false;
}

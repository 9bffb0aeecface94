/**
 * TRIAL (issue 9, "Shell parsing"): the `ParsedCommand` shape built from the `unbash` AST, so the
 * same shell/dangers/lint/coverage tests can run against the library. Not on the production path.
 * Nested code is re-parsed from its text so each `NestedCommand.parsed.source` is that text.
 */
import { parse } from 'unbash';
import type { CommandNode, PipelineNode, Statement, Word, WordPart, Redirection as UbRedirection, AndOr, Script } from 'unbash';
import type { NestedCommand, NestedKind, ParsedCommand, Redirection, ShellOperator, ShellSegment } from './shell';

type StdinCheck = (argv: readonly string[]) => boolean;
interface Ctx {
  src: string;
  segments: ShellSegment[];
  nested: NestedCommand[];
  readsStdin: StdinCheck;
  depth: number;
}

const MAX_DEPTH = 32;

export function parseShellUnbash(source: string, readsStdin: StdinCheck, depth = 0): ParsedCommand {
  const script = parse(source) as Script & { errors?: readonly { message: string }[] };
  const ctx: Ctx = { src: source, segments: [], nested: [], readsStdin, depth };
  const errors = (script.errors ?? []).map((e) => e.message);
  if (depth < MAX_DEPTH) statements(ctx, script.commands, null);
  else errors.push('commands nested too deeply to analyse');
  for (const n of ctx.nested) errors.push(...n.parsed.errors.filter((e) => !errors.includes(e)));
  const has = (kind: NestedKind, flag: keyof ParsedCommand) => ctx.nested.some((n) => n.kind === kind || n.parsed[flag] === true);
  return {
    source,
    segments: ctx.segments,
    nested: ctx.nested,
    hasCommandSubstitution: has('command-substitution', 'hasCommandSubstitution'),
    hasBackticks: has('backticks', 'hasBackticks'),
    hasSubshell: has('subshell', 'hasSubshell'),
    hasProcessSubstitution: has('process-substitution', 'hasProcessSubstitution'),
    hasShellInput: has('shell-input', 'hasShellInput'),
    errors,
  };
}

/** The AST has no separator nodes: `;` vs newline is read back from the source between statements. */
function statements(ctx: Ctx, list: readonly Statement[], first: ShellOperator | null): void {
  let prev: Statement | null = null;
  for (const st of list) {
    let op: ShellOperator | null = first;
    if (prev) {
      const gap = ctx.src.slice(prev.end, st.pos);
      op = prev.background ? '&' : gap.includes(';') || !gap.includes('\n') ? ';' : 'newline';
    }
    andOr(ctx, st.command, op);
    prev = st;
  }
}

function andOr(ctx: Ctx, node: PipelineNode | AndOr, op: ShellOperator | null): void {
  if (node.type === 'AndOr') {
    node.commands.forEach((c, i) => pipeline(ctx, c, i === 0 ? op : (node.operators[i - 1] ?? '&&')));
  } else pipeline(ctx, node, op);
}

function pipeline(ctx: Ctx, node: PipelineNode, op: ShellOperator | null): void {
  if (node.type === 'Pipeline') node.commands.forEach((c, i) => command(ctx, c, i === 0 ? op : (node.operators[i - 1] ?? '|')));
  else command(ctx, node, op);
}

function command(ctx: Ctx, node: CommandNode, op: ShellOperator | null): void {
  const operator = ctx.segments.length === 0 ? null : op;
  switch (node.type) {
    case 'Command': {
      const argv: string[] = [];
      const assignments: string[] = [];
      const redirections: Redirection[] = [];
      const segment = ctx.segments.length;
      for (const p of node.prefix) {
        if (p.type === 'Assignment') {
          assignments.push(`${p.name}=${p.value?.value ?? ''}`);
          if (p.value) word(ctx, p.value, segment);
        } else redirections.push(redirect(ctx, p, segment));
      }
      if (node.name) {
        argv.push(node.name.value);
        word(ctx, node.name, segment);
      }
      for (const s of node.suffix) {
        if (s.type === 'Word') {
          argv.push(s.value);
          word(ctx, s, segment);
        } else if (s.type === 'Assignment') argv.push(s.text);
        else redirections.push(redirect(ctx, s, segment));
      }
      ctx.segments.push({ text: ctx.src.slice(node.pos, node.end).trim(), argv, assignments, redirections, operator });
      if (ctx.readsStdin(argv)) {
        for (const r of node.redirects) {
          const text = r.type === 'HereDoc' ? r.body.text.replace(/\n$/, '') : r.type === 'HereString' ? (r.target?.value ?? '') : null;
          if (text !== null) push(ctx, 'shell-input', r.operator, text, segment);
        }
      }
      return;
    }
    case 'Subshell': {
      const segment = ctx.segments.length;
      ctx.segments.push({ text: ctx.src.slice(node.pos, node.end).trim(), argv: [], assignments: [], redirections: [], operator });
      push(ctx, 'subshell', '(', ctx.src.slice(node.pos + 1, node.end - 1), segment);
      return;
    }
    case 'Redirected':
      return command(ctx, node.command, op);
    case 'BraceGroup':
      return statements(ctx, node.body.commands, op);
    case 'If':
      statements(ctx, node.clause.commands, op);
      statements(ctx, node.then.commands, ';');
      for (const e of node.elif) {
        statements(ctx, e.clause.commands, ';');
        statements(ctx, e.then.commands, ';');
      }
      if (node.else) statements(ctx, node.else.commands, ';');
      return;
    case 'While':
      statements(ctx, node.clause.commands, op);
      return statements(ctx, node.body.commands, ';');
    case 'For':
    case 'Select':
    case 'ArithmeticFor':
      return statements(ctx, node.body.commands, op);
    case 'Case':
      for (const item of node.items) statements(ctx, item.body.commands, op);
      return;
    case 'Function':
    case 'Coproc':
      if (node.body.type === 'CompoundList') return statements(ctx, node.body.commands, op);
      return command(ctx, node.body, op);
    default:
      return; // [[ … ]] and (( … )) run no command of their own
  }
}

function redirect(ctx: Ctx, r: UbRedirection, segment: number): Redirection {
  const fd = r.descriptor ? String((r.descriptor as { value?: unknown }).value ?? '') : null;
  if (r.type === 'HereDoc') {
    if (r.delimiter && !r.delimiter.quoted) parts(ctx, r.body.parts, segment);
    return { fd, op: r.operator, target: r.delimiter?.value ?? '' };
  }
  if (r.target) word(ctx, r.target, segment);
  return { fd, op: r.operator, target: r.target?.value ?? '' };
}

function word(ctx: Ctx, w: Word, segment: number): void {
  parts(ctx, w.parts, segment);
}

function parts(ctx: Ctx, list: readonly WordPart[] | undefined, segment: number): void {
  for (const p of list ?? []) {
    switch (p.type) {
      case 'CommandExpansion': {
        const backticks = p.text.startsWith('`');
        const inner = backticks ? (p.script?.source ?? p.text.slice(1, -1)) : p.text.slice(2, p.text.endsWith(')') ? -1 : undefined);
        push(ctx, backticks ? 'backticks' : 'command-substitution', backticks ? '`' : '$(', inner, segment);
        break;
      }
      case 'ProcessSubstitution':
        push(ctx, 'process-substitution', `${p.operator}(`, p.text.slice(2, p.text.endsWith(')') ? -1 : undefined), segment);
        break;
      case 'ArithmeticExpansion':
        arithmetic(ctx, p.text, segment);
        break;
      default: {
        const nestedParts = (p as { parts?: readonly WordPart[] }).parts;
        if (nestedParts) parts(ctx, nestedParts, segment);
        const op = (p as { operation?: Record<string, unknown> }).operation;
        for (const v of Object.values(op ?? {})) if (v && typeof v === 'object' && (v as Word).type === 'Word') word(ctx, v as Word, segment);
      }
    }
  }
}

/** `$((1 + $(id)))`: the AST keeps the expression; re-read it as a word to find substitutions. */
function arithmetic(ctx: Ctx, text: string, segment: number): void {
  const body = text.slice(3, -2);
  if (!body.includes('$(') && !body.includes('`')) return;
  const script = parse(`: "${body.replace(/"/g, '')}"`);
  const cmd = script.commands[0]?.command;
  if (cmd?.type === 'Command') for (const s of cmd.suffix) if (s.type === 'Word') word(ctx, s, segment);
}

function push(ctx: Ctx, kind: NestedKind, opener: string, text: string, segment: number): void {
  ctx.nested.push({ kind, opener, text, segment, parsed: parseShellUnbash(text, ctx.readsStdin, ctx.depth + 1) });
}

import { describe, expect, it } from 'vitest';
import {
  deniedCore,
  fromClaudeAllowed,
  fromClaudeDenied,
  fromGeminiAllowed,
  fromGeminiExcluded,
  geminiShellArgument,
  parseClaudeRule,
  toClaudeAllowed,
  toClaudeDenied,
} from '@/lib/formats/shell-rules';

const TRICKY = ['npm test', 'npm test *', 'npm test:*', 'npm*', '*', '**', ':*', '* *', 'a :*', 'x *:*', '*foo', 'a:', 'a: *', 'git * --help', 'echo )', 'echo (a)', 'Bash(x)', 'run_shell_command(ls)', 'line\nbreak *', 'tab\t*', 'ünï 🚀 *'];

describe('Claude Code Bash rules', () => {
  it.each([
    ['npm test', 'Bash(npm test)'],
    ['npm test *', 'Bash(npm test *)'],
    ['npm test:*', 'Bash(npm test *)'],
    ['npm   *', 'Bash(npm *)'],
    ['ls*', 'Bash(ls*)'],
    ['*', 'Bash'],
    [':*', 'Bash'],
    // No rule can hold `)` (Claude's schema), and widening it would trust more: left out.
    ['echo $(date)', null],
  ])('trusted %j → %s', (command, rule) => {
    expect(toClaudeAllowed(command)).toBe(rule);
  });

  it.each([
    [undefined, '*'],
    ['*', '*'],
    ['', '*'],
    ['npm run test:*', 'npm run test *'],
    ['npm test *', 'npm test *'],
    ['npm test', 'npm test'],
    ['ls*', 'ls*'],
    [' git status ', 'git status'],
  ])('allow Bash(%s) → %j', (argument, command) => {
    expect(fromClaudeAllowed(argument)).toBe(command);
  });

  it.each([
    ['rm -rf', ['Bash(rm -rf *)', 'Bash(*rm -rf*)']],
    ['rm *', ['Bash(rm *)', 'Bash(*rm*)']],
    ['*rm*', ['Bash(rm *)', 'Bash(*rm*)']],
    // Never `*` with the `:*` suffix ("will likely never match", says claude doctor).
    ['curl * | sh', ['Bash(curl * | sh *)', 'Bash(*curl * | sh*)']],
    // `)` becomes the wildcard: the rule refuses a little more, never less.
    ['echo $(id)', ['Bash(echo $(id* *)', 'Bash(*echo $(id**)']],
    ['*', ['Bash']],
    ['**', ['Bash']],
  ])('denied %j → %j', (command, rules) => {
    expect(toClaudeDenied(command)).toEqual(rules);
  });

  it.each([
    ['rm -rf:*', { command: 'rm -rf', exact: false }],
    ['*rm -rf*', { command: 'rm -rf', exact: false }],
    ['git push *', { command: 'git push', exact: false }],
    ['sudo', { command: 'sudo', exact: true }],
    ['*', { command: '*', exact: false }],
    [undefined, { command: '*', exact: false }],
  ])('deny Bash(%s) → %j', (argument, expected) => {
    expect(fromClaudeDenied(argument)).toEqual(expected);
  });

  it('parses rules with and without an argument', () => {
    expect(parseClaudeRule('Bash(echo (a))')).toEqual({ tool: 'Bash', argument: 'echo (a)' });
    expect(parseClaudeRule('WebFetch')).toEqual({ tool: 'WebFetch', argument: undefined });
    expect(parseClaudeRule('mcp__github__create_issue')).toEqual({ tool: 'mcp__github__create_issue', argument: undefined });
    expect(parseClaudeRule('not a rule')).toBeNull();
  });

  it.each(TRICKY)('to(from(to(%j))) is to(x) (once normalized, for a `)` Claude cannot hold)', (command) => {
    const allowed = toClaudeAllowed(command);
    if (allowed === null) expect(command).toContain(')');
    else expect(toClaudeAllowed(fromClaudeAllowed(parseClaudeRule(allowed)?.argument))).toBe(allowed);
    const roundTrip = (rules: string[]) =>
      rules.map((rule) => {
        const back = fromClaudeDenied(parseClaudeRule(rule)?.argument).command;
        return back === '*' ? ['Bash'] : toClaudeDenied(back);
      });
    const denied = toClaudeDenied(command);
    const normalized = command.includes(')') ? (roundTrip(denied)[0] ?? []) : denied;
    for (const rules of roundTrip(normalized)) expect(rules).toEqual(normalized);
    for (const rule of denied) expect(rule).not.toMatch(/\*.*:\*\)$|\(.*\).*\)$/);
  });
});

describe('Gemini CLI run_shell_command rules (read on import)', () => {
  it('reads entries as prefixes, denied entries as substrings', () => {
    expect(fromGeminiAllowed('npm test')).toBe('npm test *');
    expect(fromGeminiAllowed(' ')).toBe('*');
    expect(fromGeminiExcluded('rm -rf')).toBe('rm -rf');
    expect(fromGeminiExcluded('git push *')).toBe('git push');
    expect(geminiShellArgument('ShellTool(git status)')).toBe('git status');
    expect(geminiShellArgument('run_shell_command')).toBeNull();
    expect(geminiShellArgument('read_file')).toBeNull();
  });

  it('strips trailing wildcards from denied commands', () => {
    expect(deniedCore('rm -rf *')).toBe('rm -rf');
    expect(deniedCore('rm:*')).toBe('rm');
    expect(deniedCore('a:')).toBe('a');
    expect(deniedCore('**')).toBe('');
    expect(deniedCore('*rm -rf*')).toBe('rm -rf');
  });
});

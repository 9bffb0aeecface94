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
  toGeminiAllowed,
  toGeminiExcluded,
} from '@/lib/formats/shell-rules';

const TRICKY = ['npm test', 'npm test *', 'npm test:*', 'npm*', '*', '**', ':*', '* *', 'a :*', 'x *:*', '*foo', 'a:', 'a: *', 'git * --help', 'echo )', 'echo (a)', 'Bash(x)', 'run_shell_command(ls)', 'line\nbreak *', 'tab\t*', 'ünï 🚀 *'];

describe('Claude Code Bash rules', () => {
  it.each([
    ['npm test', 'Bash(npm test)'],
    ['npm test *', 'Bash(npm test:*)'],
    ['npm test:*', 'Bash(npm test:*)'],
    ['npm   *', 'Bash(npm:*)'],
    ['ls*', 'Bash(ls*)'],
    ['*', 'Bash'],
    [':*', 'Bash'],
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
    ['rm -rf', ['Bash(rm -rf:*)', 'Bash(*rm -rf*)']],
    ['rm *', ['Bash(rm:*)', 'Bash(*rm*)']],
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

  it.each(TRICKY)('to(from(to(%j))) is to(x)', (command) => {
    const allowed = toClaudeAllowed(command);
    expect(toClaudeAllowed(fromClaudeAllowed(parseClaudeRule(allowed)?.argument))).toBe(allowed);
    const denied = toClaudeDenied(command);
    for (const rule of denied) {
      const back = fromClaudeDenied(parseClaudeRule(rule)?.argument).command;
      expect(back === '*' ? ['Bash'] : toClaudeDenied(back)).toEqual(denied);
    }
  });
});

describe('Gemini CLI run_shell_command rules', () => {
  it.each([
    ['npm test', 'run_shell_command(npm test)'],
    ['npm test *', 'run_shell_command(npm test)'],
    ['npm*', 'run_shell_command(npm)'],
    ['*', 'run_shell_command'],
  ])('trusted %j → %s', (command, rule) => {
    expect(toGeminiAllowed(command)).toBe(rule);
  });

  it('reads entries as prefixes, denied entries as substrings', () => {
    expect(fromGeminiAllowed('npm test')).toBe('npm test *');
    expect(fromGeminiAllowed(' ')).toBe('*');
    expect(toGeminiExcluded('git push *')).toBe('run_shell_command(git push)');
    expect(toGeminiExcluded('*')).toBeNull();
    expect(fromGeminiExcluded('rm -rf')).toBe('rm -rf');
    expect(geminiShellArgument('ShellTool(git status)')).toBe('git status');
    expect(geminiShellArgument('run_shell_command')).toBeNull();
    expect(geminiShellArgument('read_file')).toBeNull();
  });

  it.each(TRICKY)('to(from(to(%j))) is to(x)', (command) => {
    const allowed = toGeminiAllowed(command);
    const argument = geminiShellArgument(allowed);
    expect(toGeminiAllowed(argument === null ? '*' : fromGeminiAllowed(argument))).toBe(allowed);
    const excluded = toGeminiExcluded(command);
    if (excluded !== null) expect(toGeminiExcluded(fromGeminiExcluded(geminiShellArgument(excluded) ?? ''))).toBe(excluded);
  });

  it('strips trailing wildcards from denied commands', () => {
    expect(deniedCore('rm -rf *')).toBe('rm -rf');
    expect(deniedCore('rm:*')).toBe('rm');
    expect(deniedCore('a:')).toBe('a');
    expect(deniedCore('**')).toBe('');
  });
});

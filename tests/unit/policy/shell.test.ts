import { describe, expect, it } from 'vitest';
import { parseShell, type ParsedCommand } from '@/lib/policy/shell';

const argvs = (parsed: ParsedCommand) => parsed.segments.map((s) => s.argv);
const texts = (parsed: ParsedCommand) => parsed.segments.map((s) => s.text);

describe('parseShell: words and quotes', () => {
  it('reads a quoted argument as data, not as a command', () => {
    const parsed = parseShell('grep -rn "rm -rf" docs/');
    expect(argvs(parsed)).toEqual([['grep', '-rn', 'rm -rf', 'docs/']]);
    expect(texts(parsed)).toEqual(['grep -rn "rm -rf" docs/']);
    expect(parsed.errors).toEqual([]);
  });

  it.each([
    ['echo "a \\"b\\" c"', ['echo', 'a "b" c']],
    ["echo 'it'\\''s'", ['echo', "it's"]],
    ['echo a\\ b', ['echo', 'a b']],
    ["echo 'a && b' \"c ; d\"", ['echo', 'a && b', 'c ; d']],
    ["r''m -rf x", ['rm', '-rf', 'x']],
    ['"rm" -rf x', ['rm', '-rf', 'x']],
    ["echo $'rm\\x20-rf\\n'", ['echo', 'rm -rf\n']],
    ['echo "a\\$b" \'$(id)\'', ['echo', 'a$b', '$(id)']],
    ['echo a#b', ['echo', 'a#b']],
    ['echo ""', ['echo', '']],
  ])('%s → one command with argv %j', (source, argv) => {
    const parsed = parseShell(source);
    expect(argvs(parsed)).toEqual([argv]);
    expect(parsed.errors).toEqual([]);
  });

  it('does not treat $(…) inside single quotes as a substitution', () => {
    const parsed = parseShell("echo '$(rm -rf /)' '`id`'");
    expect(parsed.hasCommandSubstitution).toBe(false);
    expect(parsed.hasBackticks).toBe(false);
    expect(parsed.nested).toEqual([]);
  });
});

describe('parseShell: operators and separators', () => {
  it('splits on every operator and records the one that joined each segment', () => {
    const parsed = parseShell('a; b && c || d | e |& f & g');
    expect(texts(parsed)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(parsed.segments.map((s) => s.operator)).toEqual([null, ';', '&&', '||', '|', '|&', '&']);
  });

  it('splits on newlines', () => {
    const parsed = parseShell('npm test\nrm -rf x');
    expect(texts(parsed)).toEqual(['npm test', 'rm -rf x']);
    expect(parsed.segments[1]?.operator).toBe('newline');
  });

  it('joins a backslash-newline continuation into one command', () => {
    expect(argvs(parseShell('npm \\\n test'))).toEqual([['npm', 'test']]);
  });

  it('lets a command list continue on the next line after && or |', () => {
    const parsed = parseShell('npm test &&\n  npm run build |\n tee log');
    expect(texts(parsed)).toEqual(['npm test', 'npm run build', 'tee log']);
    expect(parsed.segments.map((s) => s.operator)).toEqual([null, '&&', '|']);
    expect(parsed.errors).toEqual([]);
  });

  it('reads a trailing & as background, not as an empty segment', () => {
    const parsed = parseShell('npm start &');
    expect(texts(parsed)).toEqual(['npm start']);
    expect(parsed.errors).toEqual([]);
  });

  it('does not split on operators inside quotes', () => {
    expect(texts(parseShell('git commit -m "fix; rm -rf / && echo | sh"'))).toEqual(['git commit -m "fix; rm -rf / && echo | sh"']);
  });

  it('drops comments, but only at the start of a word', () => {
    const parsed = parseShell('npm test # && rm -rf /\nls');
    expect(texts(parsed)).toEqual(['npm test', 'ls']);
    expect(argvs(parsed)).toEqual([['npm', 'test'], ['ls']]);
  });

  it.each([
    ['&& a', "missing command before '&&'"],
    ['a ||', "missing command after '||'"],
    ['a | | b', "missing command before '|'"],
  ])('reports %j as a syntax problem', (source, error) => {
    expect(parseShell(source).errors).toContain(error);
  });

  it('reads an empty or whitespace-only command as no segments', () => {
    expect(parseShell('').segments).toEqual([]);
    expect(parseShell('  \n\t ').segments).toEqual([]);
    expect(parseShell('# only a comment').segments).toEqual([]);
  });
});

describe('parseShell: redirections and assignments', () => {
  it('separates redirections from argv', () => {
    const [segment] = parseShell('npm test 2>&1 > out.log >> all.log < in.txt').segments;
    expect(segment?.argv).toEqual(['npm', 'test']);
    expect(segment?.redirections).toEqual([
      { fd: '2', op: '>&', target: '1' },
      { fd: null, op: '>', target: 'out.log' },
      { fd: null, op: '>>', target: 'all.log' },
      { fd: null, op: '<', target: 'in.txt' },
    ]);
    expect(segment?.text).toBe('npm test 2>&1 > out.log >> all.log < in.txt');
  });

  it('reads &> as a redirection, not as background', () => {
    const parsed = parseShell('make &> build.log');
    expect(parsed.segments).toHaveLength(1);
    expect(parsed.segments[0]?.redirections).toEqual([{ fd: null, op: '&>', target: 'build.log' }]);
  });

  it('reports a redirection without a target', () => {
    expect(parseShell('echo x >').errors).toContain("missing target after '>'");
  });

  it('takes leading NAME=value words as assignments, later ones as arguments', () => {
    const [segment] = parseShell('FOO=1 BAR="x y" npm test BAZ=2').segments;
    expect(segment?.assignments).toEqual(['FOO=1', 'BAR=x y']);
    expect(segment?.argv).toEqual(['npm', 'test', 'BAZ=2']);
  });

  it('reads a here-document body as data', () => {
    const parsed = parseShell("cat <<'EOF'\nrm -rf /\n$(id)\nEOF\nls");
    expect(argvs(parsed)).toEqual([['cat'], ['ls']]);
    expect(parsed.hasCommandSubstitution).toBe(false);
  });

  it('still sees $(…) in an unquoted here-document body', () => {
    const parsed = parseShell('cat <<EOF\nhello $(rm -rf /)\nEOF');
    expect(argvs(parsed)).toEqual([['cat']]);
    expect(parsed.nested.map((n) => n.text)).toEqual(['rm -rf /']);
    expect(parsed.errors).toEqual([]);
  });
});

describe('parseShell: nested code', () => {
  it('exposes the command inside $(…)', () => {
    const parsed = parseShell('echo $(rm -rf /)');
    expect(argvs(parsed)).toEqual([['echo', '$(rm -rf /)']]);
    expect(parsed.hasCommandSubstitution).toBe(true);
    expect(parsed.nested).toHaveLength(1);
    expect(parsed.nested[0]?.kind).toBe('command-substitution');
    expect(parsed.nested[0]?.opener).toBe('$(');
    expect(parsed.nested[0]?.text).toBe('rm -rf /');
    expect(argvs(parsed.nested[0]!.parsed)).toEqual([['rm', '-rf', '/']]);
  });

  it('sees $(…) inside double quotes and ${…:-…}', () => {
    const parsed = parseShell('echo "$(whoami)" ${X:-$(id -u)}');
    expect(parsed.nested.map((n) => n.text)).toEqual(['whoami', 'id -u']);
  });

  it('unescapes nested backticks one level at a time', () => {
    const parsed = parseShell('echo `echo \\`rm -rf /\\``');
    expect(parsed.hasBackticks).toBe(true);
    const outer = parsed.nested[0];
    expect(outer?.kind).toBe('backticks');
    expect(outer?.text).toBe('echo `rm -rf /`');
    expect(argvs(outer!.parsed.nested[0]!.parsed)).toEqual([['rm', '-rf', '/']]);
  });

  it('parses nested $( $( ) ) and flags the depth', () => {
    const parsed = parseShell('echo $(echo $(rm -rf /))');
    const inner = parsed.nested[0]?.parsed.nested[0];
    expect(inner?.text).toBe('rm -rf /');
    expect(parsed.nested[0]?.parsed.hasCommandSubstitution).toBe(true);
  });

  it('reads a subshell as one segment whose code is nested', () => {
    const parsed = parseShell('(cd x && rm -rf y) | tee log');
    expect(texts(parsed)).toEqual(['(cd x && rm -rf y)', 'tee log']);
    expect(parsed.segments[0]?.argv).toEqual([]);
    expect(parsed.hasSubshell).toBe(true);
    expect(parsed.nested[0]).toMatchObject({ kind: 'subshell', text: 'cd x && rm -rf y', segment: 0 });
    expect(texts(parsed.nested[0]!.parsed)).toEqual(['cd x', 'rm -rf y']);
  });

  it('reads <(…) and >(…) as process substitution', () => {
    const parsed = parseShell('diff <(ls a) >(sh)');
    expect(parsed.hasProcessSubstitution).toBe(true);
    expect(parsed.hasSubshell).toBe(false);
    expect(parsed.nested.map((n) => [n.kind, n.opener, n.text])).toEqual([
      ['process-substitution', '<(', 'ls a'],
      ['process-substitution', '>(', 'sh'],
    ]);
  });

  it('records in which segment each nested command appears', () => {
    const parsed = parseShell('ls; echo $(id)');
    expect(parsed.nested[0]?.segment).toBe(1);
  });

  it('does not read $((…)) arithmetic as a command, but sees $(…) inside it', () => {
    expect(parseShell('echo $((1 + 2))').hasCommandSubstitution).toBe(false);
    expect(parseShell('echo $((1 + $(id -u)))').nested.map((n) => n.text)).toEqual(['id -u']);
  });

  it('flags constructs found at any depth on the outer result', () => {
    const parsed = parseShell('echo $(cat <(ls) `id`)');
    expect(parsed).toMatchObject({ hasCommandSubstitution: true, hasProcessSubstitution: true, hasBackticks: true, hasSubshell: false });
  });
});

describe('parseShell: broken input never throws', () => {
  it.each([
    ['echo "unterminated', 'unterminated double quote'],
    ["echo 'unterminated", 'unterminated single quote'],
    ['echo $(rm -rf /', "unterminated '$('"],
    ['(cd x && ls', "unterminated '('"],
    ['echo `id', 'unterminated backtick'],
    ['echo ${x', "unterminated '${'"],
    ['cat <<EOF\nno end', "unterminated here-document (missing 'EOF')"],
    ['echo a)', "unexpected ')'"],
  ])('%j reports %j', (source, error) => {
    const parsed = parseShell(source);
    expect(parsed.errors).toContain(error);
  });

  it('still exposes the code after an unterminated $(', () => {
    const parsed = parseShell('echo $(rm -rf /');
    expect(argvs(parsed.nested[0]!.parsed)).toEqual([['rm', '-rf', '/']]);
  });

  it('stops at a depth limit instead of overflowing the stack', () => {
    const source = `${'$('.repeat(200)}x${')'.repeat(200)}`;
    const parsed = parseShell(source);
    expect(parsed.errors).toContain('commands nested too deeply to analyse');
    expect(parsed.hasCommandSubstitution).toBe(true);
  });
});

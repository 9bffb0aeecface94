/**
 * Which of Kiro's shared folders a list of .gitignore entries would ignore, read with git's rules
 * (gitignore(5)): `/` inside a pattern anchors it to the root, a trailing `/` matches directories
 * only, `*` and `?` stay within one path segment, `**` spans segments, `!` re-includes — except that
 * nothing inside an ignored directory can be re-included.
 */

/** Folders the team commits (the seed document: steering, hooks and specs are shared). */
export const KIRO_SHARED_FOLDERS = ['.kiro/steering/', '.kiro/hooks/', '.kiro/specs/'] as const;
/** A file in each, to ask git's question about. */
const PROBES: Record<(typeof KIRO_SHARED_FOLDERS)[number], string> = {
  '.kiro/steering/': '.kiro/steering/product.md',
  '.kiro/hooks/': '.kiro/hooks/review.kiro.hook',
  '.kiro/specs/': '.kiro/specs/feature/tasks.md',
};

interface Pattern {
  index: number;
  negated: boolean;
  directoryOnly: boolean;
  regex: RegExp;
}

function segmentRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '\\' && i + 1 < glob.length) {
      out += (glob[i + 1] ?? '').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      i++;
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else {
      out += c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  return out;
}

function compile(entry: string, index: number): Pattern | null {
  let text = entry.replace(/(?<!\\)\s+$/, '');
  if (!text || text.startsWith('#')) return null;
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1);
  if (text.startsWith('\\')) text = text.slice(1);
  const directoryOnly = text.endsWith('/');
  if (directoryOnly) text = text.slice(0, -1);
  const anchored = text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  if (!text) return null;
  const body = text
    .split('/')
    .map((part, i, parts) => (part === '**' ? (i === parts.length - 1 ? '.*' : '(?:.*/)?') : `${segmentRegex(part)}${i < parts.length - 1 ? '/' : ''}`))
    .join('')
    .replace(/\(\?:\.\*\/\)\?\//g, '(?:.*/)?');
  return { index, negated, directoryOnly, regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`) };
}

/** The index of the entry that decides `path` (last match wins), or null; negations decide "not ignored". */
function decidingPattern(patterns: readonly Pattern[], path: string, isDirectory: boolean): Pattern | null {
  let decided: Pattern | null = null;
  for (const pattern of patterns) {
    if (pattern.directoryOnly && !isDirectory) continue;
    if (pattern.regex.test(path)) decided = pattern;
  }
  return decided;
}

/** The entries that make git ignore a shared Kiro folder (or what is in it), each with the folders. */
export function kiroFoldersIgnored(entries: readonly string[]): Array<{ index: number; folders: string[] }> {
  const patterns = entries.map(compile).filter((pattern): pattern is Pattern => pattern !== null);
  const byEntry = new Map<number, string[]>();
  for (const folder of KIRO_SHARED_FOLDERS) {
    const parts = PROBES[folder].split('/');
    let culprit: Pattern | null = null;
    // A directory that is ignored takes everything in it along, whatever comes later.
    for (let depth = 1; depth <= parts.length && !culprit; depth++) {
      const decided = decidingPattern(patterns, parts.slice(0, depth).join('/'), depth < parts.length);
      if (decided && !decided.negated) culprit = decided;
    }
    if (culprit) byEntry.set(culprit.index, [...(byEntry.get(culprit.index) ?? []), folder]);
  }
  return [...byEntry.entries()].sort(([a], [b]) => a - b).map(([index, folders]) => ({ index, folders }));
}

/** Lines of a text file: byte-order mark removed, `\r\n` and `\r` accepted, trailing whitespace dropped. */
export function textLines(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+$/, ''));
}

/** One entry per line, a final newline; an empty list is an empty file. */
export function linesFile(entries: readonly string[]): string {
  return entries.length ? `${entries.join('\n')}\n` : '';
}

/** The policy schema's domain check (lowercase letters, `*` for any one label). */
export { DOMAIN_PATTERN as DOMAIN } from '@/lib/policy/settings';

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

/** The same rule as the policy schema's domain check (lowercase letters, optional `*.`). */
export const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

import type { CompleteSettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { cleanList, Warnings, type ImportOutput, type Sourced } from './reader';
import { linesFile, textLines } from './text-lines';

/** `.gitignore`: the entries, one per line, nothing else (so the lines can be appended to an existing file). */
export function exportGitignore(settings: CompleteSettings, _context: ExportContext): string {
  return linesFile(settings.gitignore);
}

/**
 * A character set that real patterns stay within; used only to tell a .gitignore from other text
 * when no file name says what it is (prose and CSV have spaces, commas or quotes).
 */
const PATTERN = /^!?(?:\\.|[^\s,;"'<>|{}=])+$/;
export function looksLikeGitignore(text: string): boolean {
  const entries = textLines(text).filter((line) => line.trim() && !line.startsWith('#'));
  return entries.length > 0 && entries.every((line) => PATTERN.test(line.trim()));
}

export function importGitignore(text: string): ImportOutput {
  const w = new Warnings();
  const entries: Sourced[] = [];
  let comments = 0;
  textLines(text).forEach((line, index) => {
    if (line.startsWith('#')) comments++;
    else if (line.trim()) entries.push({ value: line, path: `line ${index + 1}` });
  });
  if (comments) w.add('', `${comments} comment line${comments === 1 ? ' was' : 's were'} not imported (the policy holds the entries only).`);
  return { settings: { gitignore: cleanList('gitignore', entries, w) }, warnings: w.list };
}

/**
 * What the seed says telemetry does not collect — file paths, personal information (e-mail
 * addresses), code — found in a telemetry field and redacted before storage. Each hit is a
 * privacy finding: the field and the rule, never the text.
 */
export type PrivacyRule = 'file-path' | 'email' | 'code';

export interface Redaction {
  text: string;
  rules: PrivacyRule[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Absolute Unix paths under the usual roots, home-relative paths, Windows drive and UNC paths,
// and relative paths with at least one folder and a file extension (src/app/main.ts).
const FILE_PATH =
  /(?:(?<![\w/:.])(?:~|\/(?:Users|home|root|var|etc|tmp|opt|srv|mnt|private|Volumes|workspace|src|usr|app|data))(?:\/[^\s"'`<>|:;,)]+)+)|(?:\b[A-Za-z]:\\(?:[^\s"'`<>|\\:;,]+\\?)+)|(?:\\\\[^\s"'`<>|\\]+\\[^\s"'`<>|]+)|(?:(?<![\w/:.@-])(?:\.{1,2}\/)?(?:[\w.-]+\/)+[\w-]+\.[A-Za-z][A-Za-z0-9]{0,7}\b(?!\/))/g;
// Code: several statement-like lines, or one line that only code looks like.
const CODE_LINE = /(?:^|\n)\s*(?:(?:export\s+)?(?:function|class|interface|def|fn|func|public|private|static)\s+\w+[\s(<:{]|(?:const|let|var)\s+\w+\s*=|import\s+[\w*{].*\bfrom\b|#include\s*[<"]|return\s+[^\n]*;\s*$|\w+\s*\([^\n)]*\)\s*\{)/m;
const STATEMENT_END = /[;{}]\s*(?:\n|$)/g;

export function looksLikeCode(text: string): boolean {
  if (CODE_LINE.test(text)) return true;
  const lines = text.split('\n').length;
  return lines >= 3 && (text.match(STATEMENT_END)?.length ?? 0) >= 2;
}

/** Redacts what must not be stored in a telemetry text field; `allowEmail` for the user field. */
export function redactField(text: string, options: { allowEmail?: boolean } = {}): Redaction {
  const rules: PrivacyRule[] = [];
  let out = text;
  if (looksLikeCode(out)) return { text: '[REDACTED: code]', rules: ['code'] };
  if (!options.allowEmail) {
    out = out.replace(EMAIL, () => {
      if (!rules.includes('email')) rules.push('email');
      return '[REDACTED: e-mail]';
    });
  }
  out = out.replace(FILE_PATH, (match) => {
    // A URL's path is not a file on someone's machine.
    if (/^\/\//.test(match)) return match;
    if (!rules.includes('file-path')) rules.push('file-path');
    return '[REDACTED: file path]';
  });
  return { text: out, rules };
}

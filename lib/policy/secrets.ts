/**
 * Literal-secret detectors, shared by the template lint (`hardcoded-secret`) and by ingestion,
 * which masks secrets in prompt text and completions before they are stored.
 */
interface TokenPattern {
  re: RegExp;
  label: (match: string) => string;
}

const TOKEN_PATTERNS: TokenPattern[] = [
  { re: /\bgithub_pat_[A-Za-z0-9_]{20,}/, label: () => 'a GitHub fine-grained token (github_pat_…)' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{10,}/, label: (m) => `a GitHub token (${m.slice(0, 4)}…)` },
  { re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/, label: (m) => `an AWS access key (${m.slice(0, 4)}…)` },
  { re: /\bBSA[A-Za-z0-9_-]{16,}/, label: () => 'a Brave Search API key (BSA…)' },
  { re: /\bsk-ant-[A-Za-z0-9_-]{16,}/, label: () => 'an Anthropic API key (sk-ant-…)' },
  { re: /\bsk-[A-Za-z0-9_-]{16,}/, label: () => 'an OpenAI-style secret key (sk-…)' },
  { re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, label: (m) => `a Slack token (${m.slice(0, 5)}…)` },
  { re: /\bAIza[0-9A-Za-z_-]{35}/, label: () => 'a Google API key (AIza…)' },
  { re: /\bglpat-[A-Za-z0-9_-]{20,}/, label: () => 'a GitLab token (glpat-…)' },
  { re: /\b[rs]k_live_[A-Za-z0-9]{16,}/, label: () => 'a Stripe live key' },
  { re: /\bnpm_[A-Za-z0-9]{36}\b/, label: () => 'an npm token (npm_…)' },
  { re: /\bhf_[A-Za-z0-9]{30,}/, label: () => 'a Hugging Face token (hf_…)' },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, label: () => 'a JSON Web Token' },
  { re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/, label: () => 'a private key' },
];

/** `${VAR}`, `${env:VAR}`, `$VAR`, `{{VAR}}`: references are the fix, never a finding. */
const REFERENCE = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}/g;

/**
 * Obvious placeholders are not secrets: `<your-token>`, `ghp_xxxxxxxx`, `sk-****`,
 * `your_api_key_here`. `changeme` is NOT a placeholder: as a password it is a working (weak)
 * credential, so it is reported under password-like keys.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (/^<[^<>]*>$/.test(v) || /^\[[^[\]]*\]$/.test(v)) return true;
  const body = v.replace(/^(?:[A-Za-z0-9]*[_-])+/, '');
  if (/^(?:x+|X+|\*+|\.+|0+|#+|…+)$/.test(body) || /^(?:x+|X+|\*+)$/.test(v)) return true;
  return /^(?:your|my|insert|enter|put)[-_ ]/i.test(v) || /(?:^|[-_ ])(?:here|placeholder|example|dummy|redacted|todo|tbd)(?:[-_ ]|$)/i.test(v);
}

const SECRET_KEY_WORDS = new Set(['TOKEN', 'SECRET', 'KEY', 'APIKEY', 'PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE', 'CREDENTIAL', 'CREDENTIALS', 'AUTH', 'AUTHORIZATION', 'PAT', 'COOKIE']);
const PASSWORD_KEY_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE']);

export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  return !words.includes('PUBLIC') && words.some((w) => SECRET_KEY_WORDS.has(w));
}

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A random-looking credential: long, one word, mixed characters, high entropy; not a path or URL. */
function looksLikeToken(value: string): boolean {
  if (value.length < 16 || /\s/.test(value) || /^(?:\/|\.{1,2}\/|~\/|[A-Za-z][A-Za-z0-9+.-]*:\/\/)/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && entropy(value) >= 3 && !isPlaceholder(value);
}

/**
 * What literal secret `value` holds (a description for the message), or null. `key` is the env
 * variable, header or option name it is stored under, if any.
 */
export function findSecret(value: string, key?: string): string | null {
  const literal = value.replace(REFERENCE, ' ');
  for (const pattern of TOKEN_PATTERNS) {
    const match = pattern.re.exec(literal);
    if (match && !isPlaceholder(match[0])) return pattern.label(match[0]);
  }
  const scheme = /(?:^|[\s:])(Bearer|Basic)\s+(\S+)/i.exec(literal);
  if (scheme?.[2] && scheme[2].length >= 8 && !isPlaceholder(scheme[2])) return `a literal ${scheme[1]} credential`;
  const userinfo = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/.exec(literal);
  if (userinfo?.[1] && !isPlaceholder(userinfo[1])) return 'a password inside a URL';
  const query = /[?&](?:api[_-]?key|access[_-]?token|token|key|secret|password)=([^&\s#]+)/i.exec(literal);
  if (query?.[1] && query[1].length >= 8 && !isPlaceholder(query[1])) return 'a secret in a URL query string';
  if (key === undefined || !isSecretKey(key)) return null;
  const rest = literal.trim();
  if (rest === '' || rest !== value.trim()) return null; // empty, or partly a reference
  if (keyWords(key).some((w) => PASSWORD_KEY_WORDS.has(w)) && !isPlaceholder(rest)) return 'a literal password';
  return looksLikeToken(rest) ? 'a literal secret (a random-looking value under a secret-like name)' : null;
}

/** A global copy of each detector, for finding every occurrence in free text. */
const FREE_TEXT_PATTERNS: TokenPattern[] = [
  ...TOKEN_PATTERNS.map((pattern) => ({ re: new RegExp(pattern.re.source, 'g'), label: pattern.label })),
  { re: /(?<=\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi, label: () => 'a literal Bearer/Basic credential' },
  { re: /(?<=[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s:@]+:)[^/\s@]+(?=@)/g, label: () => 'a password inside a URL' },
  { re: /(?<=[?&](?:api[_-]?key|access[_-]?token|token|key|secret|password)=)[^&\s#]{8,}/gi, label: () => 'a secret in a URL query string' },
];

export interface MaskedText {
  text: string;
  /** How many secrets were replaced. */
  masked: number;
  /** What they were (e.g. "a GitHub token (ghp_…)"), never the secret itself. */
  labels: string[];
}

/**
 * Replaces every literal secret in free text (a prompt, a completion) with `[REDACTED]`. The
 * same detectors as the lint; placeholders such as `ghp_xxxx` are left alone.
 */
export function maskSecrets(text: string): MaskedText {
  let masked = 0;
  const labels: string[] = [];
  let out = text;
  for (const pattern of FREE_TEXT_PATTERNS) {
    out = out.replace(pattern.re, (match) => {
      if (isPlaceholder(match)) return match;
      masked += 1;
      labels.push(pattern.label(match));
      return '[REDACTED]';
    });
  }
  return { text: out, masked, labels };
}

import { z } from 'zod';

/**
 * Text PostgreSQL cannot store as given. A NUL is refused by `text` and `jsonb`; an unpaired
 * UTF-16 surrogate (`"\ud800"` in JSON) is turned into U+FFFD on the way in, so anything hashed
 * or compared in JavaScript before storing no longer matches what was stored — once, that broke
 * the audit hash chain from one unauthenticated sign-in. Inputs refuse both (400 with the field
 * path); what must be stored anyway (the e-mail of a failed sign-in in the audit log) is
 * normalized first, so the hash covers exactly what PostgreSQL keeps.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_GLOBAL = new RegExp(UNSTORABLE.source, 'g');

export const UNSTORABLE_TEXT_MESSAGE = 'Remove the NUL character or broken Unicode (an unpaired surrogate) from this text.';

export function hasUnstorableText(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** The string PostgreSQL would keep: NUL and unpaired surrogates become U+FFFD. */
export function storableText(value: string): string {
  return value.replace(UNSTORABLE_GLOBAL, '\uFFFD');
}

/** Deeply: every string (keys too) of a JSON value made storable. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableJson(item)]));
  }
  return value;
}

/** The path of the first string (or key) in a JSON value that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const child = path ? `${path}.${key}` : key;
      if (hasUnstorableText(key)) return child;
      const found = findUnstorableText(item, child);
      if (found) return found;
    }
  }
  return null;
}

/** `z.string()` for any text a person types: refuses what cannot be stored (see above). */
export function text(): z.ZodString {
  return z.string().refine((value) => !hasUnstorableText(value), UNSTORABLE_TEXT_MESSAGE);
}

import type { PolicySettings } from '@/lib/policy/settings';
import { formatSettings, parseSettingsText, type ParsedSettings } from './json';

/**
 * What an editor of a settings layer holds: the document (always valid: the form edits it and
 * lint runs on it) and, once the admin typed in the Raw JSON view, their text. The text is the
 * admin's and is kept as typed — across Form ↔ Raw JSON switches, and while it does not parse —
 * until they fix it (then the document follows it), discard it, or edit in the form (only
 * possible while the text is valid). While the text is invalid nothing can be saved: saving the
 * last valid document would store something the admin no longer sees.
 */
export interface Draft {
  settings: PolicySettings;
  /** null: the JSON view shows the document formatted. */
  raw: { text: string; parsed: ParsedSettings } | null;
}

export function draftOf(settings: PolicySettings): Draft {
  return { settings, raw: null };
}

/** The text of the JSON view. */
export function draftText(draft: Draft): string {
  return draft.raw?.text ?? formatSettings(draft.settings);
}

/** The admin typed `text` in the JSON view. */
export function editText(draft: Draft, text: string): Draft {
  const parsed = parseSettingsText(text);
  // Whitespace and key order are not changes: the document object is kept when its content is.
  const settings = parsed.kind === 'ok' && JSON.stringify(parsed.settings) !== JSON.stringify(draft.settings) ? parsed.settings : draft.settings;
  return { settings, raw: { text, parsed } };
}

/** The form changed the document; refused (the draft is returned as is) while the text is invalid. */
export function editForm(draft: Draft, settings: PolicySettings): Draft {
  if (textInvalid(draft)) return draft;
  return { settings, raw: null };
}

/** Leaving the JSON view's text area: valid text is shown formatted from then on. */
export function settleText(draft: Draft): Draft {
  return draft.raw && !textInvalid(draft) ? { ...draft, raw: null } : draft;
}

/** "Discard my text": back to the last valid document. */
export function discardText(draft: Draft): Draft {
  return { ...draft, raw: null };
}

export function textInvalid(draft: Draft): boolean {
  return draft.raw !== null && draft.raw.parsed.kind !== 'ok';
}

/** Why the draft cannot be saved as it is, or null. */
export function draftProblem(draft: Draft): string | null {
  const parsed = draft.raw?.parsed;
  if (!parsed || parsed.kind === 'ok') return null;
  if (parsed.kind === 'syntax') return `The Raw JSON has a syntax error (${parsed.message.replace(/\.$/, '')}). Fix it or discard your text before saving.`;
  const count = parsed.issues.length === 1 ? '1 problem' : `${parsed.issues.length} problems`;
  return `The Raw JSON has ${count} (${parsed.issues.map((issue) => `${issue.path || 'document'}: ${issue.message}`).join('; ')}). Fix it or discard your text before saving.`;
}

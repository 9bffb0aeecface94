'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import type { PolicySettings } from '@/lib/policy/settings';
import { formatSettings, parseSettingsText, type ParsedSettings } from './json';
import { codeAreaClasses } from './styles';

interface Draft {
  text: string;
  parsed: ParsedSettings;
}

function draftOf(settings: PolicySettings): Draft {
  return { text: formatSettings(settings), parsed: { kind: 'ok', settings } };
}

/**
 * The settings document as JSON text. Every keystroke is parsed; a valid document is passed on
 * at once, anything else is explained and held back, so `value` is always a valid document.
 */
export function RawJsonEditor({ value, onChange, disabled = false }: { value: PolicySettings; onChange: (next: PolicySettings) => void; disabled?: boolean }) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(() => draftOf(value));
  const [focused, setFocused] = useState(false);
  // The last `value` this editor has accounted for: what it was given, or what it passed on.
  const [seen, setSeen] = useState(value);
  // `value` changed elsewhere while the text could not simply be replaced (being typed, or invalid).
  const [missed, setMissed] = useState(false);
  const dirty = draft.parsed.kind !== 'ok';

  // Adjusted while rendering rather than in an effect, so the re-synced text shows in the same paint.
  if (seen !== value) {
    setSeen(value);
    if (!focused && !dirty) setDraft(draftOf(value));
    else setMissed(true);
  }

  function edit(text: string) {
    const parsed = parseSettingsText(text);
    setDraft({ text, parsed });
    // Whitespace and key order are not changes; passing them on would mark the template edited.
    if (parsed.kind === 'ok' && JSON.stringify(parsed.settings) !== JSON.stringify(value)) {
      setSeen(parsed.settings);
      onChange(parsed.settings);
    }
  }

  function discard() {
    setDraft(draftOf(value));
    setMissed(false);
  }

  function goTo(offset: number) {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(offset, Math.min(offset + 1, element.value.length));
  }

  const lines = draft.text.split('\n').length;
  const { parsed } = draft;
  const summary =
    parsed.kind === 'ok'
      ? 'Valid settings. Changes apply as you type.'
      : parsed.kind === 'syntax'
        ? 'JSON syntax error; changes are not applied until it is fixed.'
        : `${parsed.issues.length === 1 ? '1 problem' : `${parsed.issues.length} problems`} with the settings; changes are not applied until they are fixed.`;

  return (
    <div className="space-y-3 rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-semibold text-slate-900">
          Settings JSON
        </label>
        <span className="text-xs text-slate-500">The template as stored: fields left out are inherited.</span>
      </div>
      <textarea
        ref={textarea}
        id={id}
        value={draft.text}
        onChange={(event) => edit(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          // Once the text is left valid, show it the way it is stored (formatted, normalized).
          if (!dirty) {
            setDraft(draftOf(value));
            setMissed(false);
          }
        }}
        readOnly={disabled}
        rows={Math.min(40, Math.max(12, lines + 1))}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={dirty ? true : undefined}
        aria-describedby={`${id}-status`}
        className={`${codeAreaClasses} overflow-auto`}
      />
      <p id={`${id}-status`} aria-live="polite" className={`text-xs ${dirty ? 'text-red-700' : 'text-emerald-700'}`}>
        {summary}
      </p>
      {parsed.kind === 'syntax' ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
          <span>{parsed.message}</span>
          <Button variant="secondary" size="sm" onClick={() => goTo(parsed.offset)}>
            Go to line {parsed.line}
          </Button>
        </div>
      ) : null}
      {parsed.kind === 'schema' ? (
        <ul className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200" aria-label="Problems with the settings">
          {parsed.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code className="mr-1.5 text-xs font-semibold">{issue.path || '(document)'}</code>
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {dirty ? (
        <div
          className={`flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ${
            missed ? 'bg-amber-50 text-amber-900 ring-amber-200' : 'bg-slate-50 text-slate-600 ring-slate-200'
          }`}
        >
          <span>{missed ? 'The settings were changed elsewhere while this text had errors.' : 'The settings keep their last valid state until the text is fixed.'}</span>
          <Button variant="secondary" size="sm" onClick={discard}>
            Discard my text
          </Button>
        </div>
      ) : null}
    </div>
  );
}

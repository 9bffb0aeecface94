'use client';

import { useId, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { draftText, textInvalid, type Draft } from './draft';
import { codeAreaClasses } from './styles';

/**
 * The settings document as JSON text. Controlled by the editor's draft (./draft.ts), which keeps
 * the admin's text as typed — across view switches and while invalid — and passes valid text on
 * as the document at once.
 */
export function RawJsonEditor({
  draft,
  onText,
  onSettle,
  onDiscard,
  disabled = false,
}: {
  draft: Draft;
  onText: (text: string) => void;
  /** The text area lost focus. */
  onSettle: () => void;
  onDiscard: () => void;
  disabled?: boolean;
}) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = draftText(draft);
  const parsed = draft.raw?.parsed ?? ({ kind: 'ok', settings: draft.settings } as const);
  const dirty = textInvalid(draft);

  function goTo(offset: number) {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(offset, Math.min(offset + 1, element.value.length));
  }

  const lines = text.split('\n').length;
  const summary =
    parsed.kind === 'ok'
      ? 'Valid settings. Changes apply as you type.'
      : parsed.kind === 'syntax'
        ? 'JSON syntax error: nothing can be saved until it is fixed.'
        : `${parsed.issues.length === 1 ? '1 problem' : `${parsed.issues.length} problems`} with the settings: nothing can be saved until they are fixed.`;

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
        value={text}
        onChange={(event) => onText(event.target.value)}
        // Once the text is left valid, it is shown the way it is stored (formatted, normalized).
        onBlur={onSettle}
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
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-inset ring-slate-200">
          <span>Your text is kept as typed; the form and the findings show the last valid settings until it is fixed.</span>
          <Button variant="secondary" size="sm" onClick={onDiscard} disabled={disabled}>
            Discard my text
          </Button>
        </div>
      ) : null}
    </div>
  );
}

'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import type { EntryResult } from './layer';
import { NoteList, ROW_TONE } from './Notes';
import { partitionByPrefix, worstTone, type Note } from './paths';
import { codeInputClasses } from './styles';
import { RemoveButton } from './RemoveButton';

interface ListEditorProps {
  /** Path of the list in the document (`trustedCommands`, `mcpServers.x.autoApprove`): row i is `${path}[i]`. */
  path: string;
  items: readonly string[];
  /** Absent: the list is shown read-only (inherited, or the whole editor is disabled). */
  onChange?: (next: string[]) => void;
  /** What one entry is called, for labels: "trusted command" → "Add trusted command". */
  noun: string;
  parse: (raw: string) => EntryResult;
  /** Notes about this list or its entries. */
  notes: readonly Note[];
  placeholder?: string;
  hint?: ReactNode;
  emptyText?: string;
}

/** A compact list of strings: one row per entry with a remove button, and an input to add one. */
export function ListEditor({ path, items, onChange, noun, parse, notes, placeholder, hint, emptyText = 'None.' }: ListEditorProps) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // After a removal the focused button is gone; focus moves to the row that took its place.
  const focusAfterRemoval = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]');
    const target = buttons && buttons.length > 0 ? buttons[Math.min(index, buttons.length - 1)] : undefined;
    (target ?? inputRef.current)?.focus();
  }, [items]);

  const rowPaths = items.map((_, index) => `${path}[${index}]`);
  const { within, rest } = partitionByPrefix(notes, rowPaths);
  const errorId = `${inputId}-error`;

  function add() {
    if (!onChange || draft.trim() === '') return;
    const parsed = parse(draft);
    if (!parsed.ok) return setError(parsed.message);
    if (items.includes(parsed.entry)) return setError(`“${parsed.entry}” is already in the list.`);
    onChange([...items, parsed.entry]);
    setDraft('');
    setError(null);
  }

  function remove(index: number) {
    if (!onChange) return;
    focusAfterRemoval.current = index;
    onChange(items.filter((_, i) => i !== index));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the entry; it must not submit a surrounding form.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  return (
    <div className="space-y-2">
      <NoteList notes={rest} base={path} />
      {items.length === 0 ? (
        <p className="text-sm text-slate-400">{emptyText}</p>
      ) : (
        <ul ref={listRef} className="divide-y divide-slate-100 overflow-hidden rounded-md bg-white ring-1 ring-slate-200">
          {items.map((item, index) => {
            const rowNotes = within.get(rowPaths[index] ?? '') ?? [];
            const tone = worstTone(rowNotes);
            return (
              // Entries may repeat in imported documents, so the position is the only stable key.
              <li key={index} data-testid="list-entry" data-index={index} data-severity={tone} className={`px-3 py-1.5 ${tone ? ROW_TONE[tone] : ''}`}>
                <div className="flex items-center justify-between gap-3">
                  <code className="min-w-0 break-all text-xs text-slate-800">{item}</code>
                  {onChange ? (
                    <RemoveButton label={`Remove ${item}`} onClick={() => remove(index)} />
                  ) : null}
                </div>
                <NoteList notes={rowNotes} className="mt-1 mb-0.5" />
              </li>
            );
          })}
        </ul>
      )}
      {onChange ? (
        <div className="space-y-1">
          <div className="flex gap-2">
            <label htmlFor={inputId} className="sr-only">
              Add {noun}
            </label>
            <input
              ref={inputRef}
              id={inputId}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                setError(null);
              }}
              onKeyDown={onKeyDown}
              placeholder={placeholder}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className={codeInputClasses}
            />
            <Button variant="secondary" onClick={add} disabled={draft.trim() === ''}>
              Add
            </Button>
          </div>
          {error ? (
            <p id={errorId} role="alert" className="text-xs text-red-700">
              {error}
            </p>
          ) : hint ? (
            <p className="text-xs text-slate-500">{hint}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

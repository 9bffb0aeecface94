'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { NoteList, ROW_TONE } from './Notes';
import { partitionByPrefix, worstTone, type Note } from './paths';
import { smallCodeInputClasses } from './styles';
import { RemoveButton } from './RemoveButton';

const MAX_KEY = 200;
// Name, value, and a button: the same columns for the rows and the add row so they line up.
const ROW_GRID = 'grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-2';

interface KeyValueEditorProps {
  /** Path of the record (`mcpServers.github.env`): the row for KEY is `${path}.KEY`. */
  path: string;
  legend: string;
  entries: Readonly<Record<string, string>> | undefined;
  /** Receives undefined when the last entry is removed, so no empty object is left behind. Absent: read-only. */
  onChange?: (next: Record<string, string> | undefined) => void;
  /** "variable" → "New variable name", "New variable value". */
  noun: string;
  notes: readonly Note[];
  hint?: ReactNode;
}

/**
 * Key/value rows (environment variables, HTTP headers). Keys are fixed once added: renaming in
 * place would briefly collide with other keys while typing and drop a row; remove and add instead.
 */
export function KeyValueEditor({ path, legend, entries = {}, onChange, noun, notes, hint }: KeyValueEditorProps) {
  const id = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const newKeyRef = useRef<HTMLInputElement>(null);
  const keys = Object.keys(entries);
  const rowPaths = keys.map((k) => `${path}.${k}`);
  const { within, rest } = partitionByPrefix(notes, rowPaths);

  function add() {
    if (!onChange) return;
    const name = key.trim();
    if (name === '') return setError(`Enter a ${noun} name.`);
    if (name.length > MAX_KEY) return setError(`A ${noun} name can be at most ${MAX_KEY} characters.`);
    if (name in entries) return setError(`“${name}” is already set.`);
    onChange({ ...entries, [name]: value });
    setKey('');
    setValue('');
    setError(null);
  }

  function remove(name: string) {
    if (!onChange) return;
    const next = Object.fromEntries(Object.entries(entries).filter(([k]) => k !== name));
    onChange(Object.keys(next).length > 0 ? next : undefined);
    // The focused remove button is gone; continue from the add row rather than the page's top.
    newKeyRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  // Suggest a reference to the developer's environment rather than a literal secret.
  const suggestion = `\${${key.trim() || 'VAR'}}`;

  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <NoteList notes={rest} base={path} />
      {keys.length === 0 ? (
        <p className="text-sm text-slate-400">None.</p>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-md bg-white ring-1 ring-slate-200">
          {keys.map((name, index) => {
            const rowNotes = within.get(rowPaths[index] ?? '') ?? [];
            const tone = worstTone(rowNotes);
            const valueId = `${id}-value-${index}`;
            return (
              <li key={name} data-testid="kv-entry" data-key={name} data-severity={tone} className={`px-3 py-1.5 ${tone ? ROW_TONE[tone] : ''}`}>
                <div className={ROW_GRID}>
                  <label htmlFor={valueId} className="break-all font-mono text-xs text-slate-800">
                    {name}
                  </label>
                  <input
                    id={valueId}
                    value={entries[name] ?? ''}
                    onChange={(event) => onChange?.({ ...entries, [name]: event.target.value })}
                    readOnly={!onChange}
                    autoComplete="off"
                    spellCheck={false}
                    className={smallCodeInputClasses}
                  />
                  {onChange ? (
                    <RemoveButton label={`Remove ${name}`} onClick={() => remove(name)} />
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
          <div className={ROW_GRID}>
            <label htmlFor={`${id}-new-key`} className="sr-only">
              New {noun} name
            </label>
            <input
              ref={newKeyRef}
              id={`${id}-new-key`}
              value={key}
              onChange={(event) => {
                setKey(event.target.value);
                setError(null);
              }}
              onKeyDown={onKeyDown}
              placeholder="NAME"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={smallCodeInputClasses}
            />
            <label htmlFor={`${id}-new-value`} className="sr-only">
              New {noun} value
            </label>
            <input
              id={`${id}-new-value`}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              onKeyDown={onKeyDown}
              placeholder={suggestion}
              autoComplete="off"
              spellCheck={false}
              className={smallCodeInputClasses}
            />
            <Button variant="secondary" size="sm" onClick={add} disabled={key.trim() === ''}>
              Add
            </Button>
          </div>
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
              {error}
            </p>
          ) : hint ? (
            <p className="text-xs text-slate-500">{hint}</p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

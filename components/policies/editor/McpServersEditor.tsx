'use client';

import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Button } from '@/components/ui/Button';
import { inputClasses } from '@/components/ui/Field';
import type { McpServer } from '@/lib/policy/settings';
import { newServerError, renameServer, switchServerKind, type ServerKind } from './layer';
import { McpServerCard } from './McpServerCard';
import { NoteList } from './Notes';
import { partitionByPrefix, type Note } from './paths';
import { codeInputClasses } from './styles';

/** The MCP servers of a layer: one card per server, and a small form to add one. */
export function McpServersEditor({
  servers,
  onChange,
  notes,
}: {
  servers: Readonly<Record<string, McpServer>>;
  /** Absent: read-only. */
  onChange?: (next: Record<string, McpServer>) => void;
  /** Notes within `mcpServers`. */
  notes: readonly Note[];
}) {
  const entries = Object.entries(servers);
  const names = entries.map(([name]) => name);
  const { within, rest } = partitionByPrefix(notes, names.map((name) => `mcpServers.${name}`));
  // What a kind switch removed from each server, so switching back restores it (see switchServerKind).
  const stash = useRef(new Map<string, Partial<McpServer>>());
  const addNameRef = useRef<HTMLInputElement>(null);

  function update(name: string, server: McpServer) {
    onChange?.({ ...servers, [name]: server });
  }

  function rename(from: string, to: string) {
    const kept = stash.current.get(from);
    stash.current.delete(from);
    if (kept) stash.current.set(to, kept);
    onChange?.(renameServer(servers, from, to));
  }

  function remove(name: string) {
    stash.current.delete(name);
    onChange?.(Object.fromEntries(entries.filter(([other]) => other !== name)));
    // The removed card took the focused button with it; continue from the add form.
    addNameRef.current?.focus();
  }

  function switchKind(name: string, server: McpServer, kind: ServerKind) {
    const { server: next, removed } = switchServerKind(server, kind, stash.current.get(name));
    stash.current.set(name, removed);
    update(name, next);
  }

  return (
    <div className="space-y-3">
      <NoteList notes={rest} base="mcpServers" />
      {entries.length === 0 ? (
        <p className="text-sm text-slate-400">No MCP servers.</p>
      ) : (
        <ul className="space-y-3">
          {entries.map(([name, server], index) => (
            // Keyed by position, not name: renaming a server must not remount its card (and lose focus).
            <li key={index}>
              <McpServerCard
                name={name}
                server={server}
                names={names}
                notes={within.get(`mcpServers.${name}`) ?? []}
                onChange={onChange ? (next) => update(name, next) : undefined}
                onRename={onChange ? (to) => rename(name, to) : undefined}
                onRemove={onChange ? () => remove(name) : undefined}
                onSwitchKind={onChange ? (kind) => switchKind(name, server, kind) : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {onChange ? <AddServerForm nameRef={addNameRef} names={names} onAdd={(name, server) => onChange({ ...servers, [name]: server })} /> : null}
    </div>
  );
}

/**
 * Asks for what a server cannot be without (a name, and a command or a URL) before adding it,
 * so adding a server never leaves the document invalid.
 */
function AddServerForm({
  nameRef,
  names,
  onAdd,
}: {
  nameRef: RefObject<HTMLInputElement | null>;
  names: readonly string[];
  onAdd: (name: string, server: McpServer) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ServerKind>('local');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add() {
    const problem = newServerError(name, kind, target, names);
    if (problem) return setError(problem);
    onAdd(name.trim(), kind === 'local' ? { command: target.trim() } : { url: target.trim() });
    setName('');
    setTarget('');
    setError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  }

  // Any edit clears the last complaint; it is shown again on the next attempt if still true.
  function edit(apply: () => void) {
    apply();
    setError(null);
  }

  return (
    <div role="group" aria-labelledby={`${id}-title`} className="rounded-lg border border-dashed border-slate-300 p-4">
      <p id={`${id}-title`} className="text-sm font-medium text-slate-700">
        Add a server
      </p>
      <div className="mt-2 grid gap-2 sm:grid-cols-[10rem_9rem_minmax(0,1fr)_auto]">
        <div>
          <label htmlFor={`${id}-name`} className="sr-only">
            New server name
          </label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            value={name}
            onChange={(event) => edit(() => setName(event.target.value))}
            onKeyDown={onKeyDown}
            placeholder="name, e.g. github"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className={codeInputClasses}
          />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className="sr-only">
            New server kind
          </label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => edit(() => setKind(event.target.value === 'remote' ? 'remote' : 'local'))} className={inputClasses}>
            <option value="local">Local command</option>
            <option value="remote">Remote URL</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-target`} className="sr-only">
            {kind === 'local' ? 'New server command' : 'New server URL'}
          </label>
          <input
            id={`${id}-target`}
            value={target}
            onChange={(event) => edit(() => setTarget(event.target.value))}
            onKeyDown={onKeyDown}
            placeholder={kind === 'local' ? 'command, e.g. npx' : 'https://mcp.example.com/mcp'}
            autoComplete="off"
            spellCheck={false}
            className={codeInputClasses}
          />
        </div>
        <Button variant="secondary" onClick={add}>
          Add server
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          Arguments, environment variables and headers can be added once the server is in the list.
        </p>
      )}
    </div>
  );
}

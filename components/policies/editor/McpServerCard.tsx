'use client';

import { useId, useState } from 'react';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { McpServer } from '@/lib/policy/settings';
import { KeyValueEditor } from './KeyValueEditor';
import { parseArgs, parseToolName, SERVER_KEYS, serverKind, serverNameError, tidyArgs, withServerField, type ServerKey, type ServerKind } from './layer';
import { ListEditor } from './ListEditor';
import { CARD_TONE, NoteList } from './Notes';
import { partitionByPrefix, worstTone, type Note } from './paths';
import { SegmentedControl } from './SegmentedControl';
import { codeAreaClasses, codeInputClasses } from './styles';
import { Switch } from './Switch';

const KIND_OPTIONS = [
  { value: 'local', label: 'Local command' },
  { value: 'remote', label: 'Remote URL' },
] as const;

const SECRET_HINT = (
  <>
    Reference secrets as <code>{'${VAR}'}</code> (e.g. <code>{'${GITHUB_TOKEN}'}</code>) so they come from each developer’s environment, never from
    the template.
  </>
);

export interface McpServerCardProps {
  name: string;
  server: McpServer;
  /** Every server name in the layer, to refuse a rename onto another server. */
  names: readonly string[];
  /** Notes about this server (paths start with `mcpServers.<name>`). */
  notes: readonly Note[];
  /** All absent: read-only. */
  onChange?: (next: McpServer) => void;
  onRename?: (to: string) => void;
  onRemove?: () => void;
  onSwitchKind?: (kind: ServerKind) => void;
}

export function McpServerCard({ name, server, names, notes, onChange, onRename, onRemove, onSwitchKind }: McpServerCardProps) {
  const id = useId();
  const base = `mcpServers.${name}`;
  const readOnly = !onChange;
  const kind = serverKind(server);
  const { within, rest } = partitionByPrefix(notes, SERVER_KEYS.map((field) => `${base}.${field}`));
  const notesAt = (field: ServerKey) => within.get(`${base}.${field}`) ?? [];
  const tone = worstTone(notes);

  // The name is the record key: it is committed on blur or Enter, once valid, so a half-typed
  // name never renames the server or collides with another one.
  const [draft, setDraft] = useState<{ for: string; text: string } | null>(null);
  const nameText = draft?.for === name ? draft.text : name;
  const nameError = draft?.for === name ? serverNameError(draft.text, names, name) : undefined;
  function commitName() {
    if (draft?.for !== name || nameError) return;
    if (draft.text !== name) onRename?.(draft.text);
    setDraft(null);
  }

  const set = <K extends ServerKey>(key: K, next: McpServer[K] | undefined) => onChange?.(withServerField(server, key, next));

  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      data-testid={`mcp-server-${name}`}
      data-severity={tone}
      className={`space-y-4 rounded-lg bg-white p-4 ring-1 ring-inset ${tone ? CARD_TONE[tone] : 'ring-slate-200'}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-2">
          <h4 id={`${id}-title`} className="truncate font-mono text-sm font-semibold text-slate-900">
            <span className="sr-only">MCP server </span>
            {name}
          </h4>
          <Badge tone="info">{kind === 'local' ? 'local' : 'remote'}</Badge>
          {server.disabled ? <Badge>disabled</Badge> : null}
        </div>
        <div className="flex items-center gap-4">
          <Switch
            label="Enabled"
            checked={!server.disabled}
            // Keeps an explicit `disabled: false` as it was, so re-enabling does not churn the document.
            onChange={readOnly ? undefined : (enabled) => set('disabled', enabled ? (server.disabled === undefined ? undefined : false) : true)}
          />
          {onRemove ? (
            <Button variant="danger" size="sm" onClick={onRemove} aria-label={`Remove server ${name}`}>
              Remove
            </Button>
          ) : null}
        </div>
      </div>
      <NoteList notes={[...rest, ...notesAt('disabled')]} base={base} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name={`${id}-name`} error={nameError}>
          <input
            id={`${id}-name`}
            value={nameText}
            readOnly={readOnly}
            onChange={(event) => setDraft({ for: name, text: event.target.value })}
            onBlur={commitName}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commitName();
              } else if (event.key === 'Escape') {
                setDraft(null);
              }
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            className={codeInputClasses}
          />
        </Field>
        <div className="space-y-1">
          <span id={`${id}-kind`} className="block text-sm font-medium text-slate-700">
            Kind
          </span>
          <SegmentedControl size="sm" value={kind} options={KIND_OPTIONS} onChange={onSwitchKind} labelledBy={`${id}-kind`} />
        </div>
      </div>

      {kind === 'local' ? (
        <>
          <Field label="Command" name={`${id}-command`} hint="The program only, e.g. npx or uvx; arguments go below.">
            <input
              id={`${id}-command`}
              value={server.command ?? ''}
              readOnly={readOnly}
              onChange={(event) => set('command', event.target.value)}
              autoComplete="off"
              spellCheck={false}
              className={codeInputClasses}
            />
            <NoteList notes={notesAt('command')} base={`${base}.command`} />
          </Field>
          <Field label="Arguments" name={`${id}-args`} hint="One per line; a line is passed as one argument, spaces included.">
            <textarea
              id={`${id}-args`}
              value={(server.args ?? []).join('\n')}
              readOnly={readOnly}
              rows={Math.min(8, Math.max(2, (server.args?.length ?? 0) + 1))}
              onChange={(event) => set('args', parseArgs(event.target.value))}
              onBlur={() => {
                const tidy = tidyArgs(server.args);
                if (JSON.stringify(tidy) !== JSON.stringify(server.args)) set('args', tidy);
              }}
              spellCheck={false}
              className={codeAreaClasses}
            />
            <NoteList notes={notesAt('args')} base={`${base}.args`} />
          </Field>
          <KeyValueEditor
            path={`${base}.env`}
            legend="Environment variables"
            noun="variable"
            entries={server.env}
            onChange={readOnly ? undefined : (next) => set('env', next)}
            notes={notesAt('env')}
            hint={SECRET_HINT}
          />
        </>
      ) : (
        <>
          <Field label="URL" name={`${id}-url`} hint="An absolute http(s) URL of the server’s endpoint.">
            <input
              id={`${id}-url`}
              type="url"
              value={server.url ?? ''}
              readOnly={readOnly}
              onChange={(event) => set('url', event.target.value)}
              placeholder="https://mcp.example.com/mcp"
              autoComplete="off"
              spellCheck={false}
              className={codeInputClasses}
            />
            <NoteList notes={notesAt('url')} base={`${base}.url`} />
          </Field>
          <KeyValueEditor
            path={`${base}.headers`}
            legend="Headers"
            noun="header"
            entries={server.headers}
            onChange={readOnly ? undefined : (next) => set('headers', next)}
            notes={notesAt('headers')}
            hint={
              <>
                Put tokens in a reference, e.g. <code>{'Authorization: Bearer ${API_TOKEN}'}</code>, never the token itself.
              </>
            }
          />
        </>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <ToolList
          label="Auto-approved tools"
          noun="auto-approved tool"
          hint="Tools of this server the agent may call without asking."
          path={`${base}.autoApprove`}
          items={server.autoApprove}
          notes={notesAt('autoApprove')}
          onChange={readOnly ? undefined : (next) => set('autoApprove', next)}
        />
        <ToolList
          label="Disabled tools"
          noun="disabled tool"
          hint="Tools of this server the agent may never call."
          path={`${base}.disabledTools`}
          items={server.disabledTools}
          notes={notesAt('disabledTools')}
          onChange={readOnly ? undefined : (next) => set('disabledTools', next)}
        />
      </div>
    </div>
  );
}

function ToolList({
  label,
  noun,
  hint,
  path,
  items,
  notes,
  onChange,
}: {
  label: string;
  noun: string;
  hint: string;
  path: string;
  items: readonly string[] | undefined;
  notes: readonly Note[];
  onChange?: (next: string[] | undefined) => void;
}) {
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <ListEditor
        path={path}
        items={items ?? []}
        noun={noun}
        parse={parseToolName}
        notes={notes}
        // An emptied list is left out rather than stored as [].
        onChange={onChange ? (next) => onChange(next.length > 0 ? next : undefined) : undefined}
        placeholder="tool_name"
        hint={hint}
      />
    </div>
  );
}

'use client';

import { useActionState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Badge } from '@/components/ui/Badge';
import { CopyButton } from '@/components/ui/CopyButton';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDateTime } from '@/components/ui/format';
import { submitKept } from '@/components/ui/kept-form';
import type { ActionResult } from '@/lib/http/action';

export interface IngestKeyRow {
  id: string;
  name: string;
  prefix: string;
  status: 'active' | 'revoked';
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  previousValidUntil: string | null;
}

export interface ShownKey {
  id: string;
  name: string;
  key: string | null;
}

type KeyAction = (previous: ActionResult<ShownKey>, formData: FormData) => Promise<ActionResult<ShownKey>>;

export interface IngestKeyActions {
  create: KeyAction;
  reveal: KeyAction;
  rotate: KeyAction;
  revoke: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
}

/** The key with copy button and the two lines Claude Code needs (the team download does it for you later). */
function KeyBox({ shown, endpoint }: { shown: ShownKey; endpoint: string }) {
  if (!shown.key) return <p className="text-sm text-amber-700">This key cannot be shown (revoked, or the server secret changed): rotate it.</p>;
  return (
    <div className="space-y-2 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="ingest-key-value">
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 overflow-x-auto rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-slate-200">{shown.key}</code>
        <CopyButton text={shown.key} />
      </div>
      <pre className="overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
        {`OTEL_EXPORTER_OTLP_ENDPOINT=${endpoint}\nOTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer ${shown.key}`}
      </pre>
    </div>
  );
}

function KeyItem({ teamId, row, endpoint, actions }: { teamId: string; row: IngestKeyRow; endpoint: string; actions: IngestKeyActions }) {
  const [revealed, reveal, revealing] = useActionState(actions.reveal, null);
  const [rotated, rotate] = useActionState(actions.rotate, null);
  const [revoked, revoke] = useActionState(actions.revoke, null);
  const shown = rotated?.ok ? rotated.data : revealed?.ok ? revealed.data : undefined;
  const hidden = <><input type="hidden" name="teamId" value={teamId} /><input type="hidden" name="keyId" value={row.id} /></>;
  return (
    <li className="space-y-2 rounded-lg p-3 ring-1 ring-slate-200" aria-label={`Ingest key ${row.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{row.name}</span>
        <code className="font-mono text-xs text-slate-600">{row.prefix}…</code>
        <Badge tone={row.status === 'active' ? 'success' : 'neutral'}>{row.status}</Badge>
      </div>
      <p className="text-xs text-slate-500">
        Last used {row.lastUsedAt ? formatDateTime(row.lastUsedAt) : 'never'} · created {formatDateTime(row.createdAt)}
        {row.createdBy ? ` by ${row.createdBy}` : ''}
        {row.previousValidUntil ? ` · the previous key works until ${formatDateTime(row.previousValidUntil)}` : ''}
      </p>
      {row.status === 'active' ? (
        <div className="flex flex-wrap gap-2">
          <form action={reveal}>
            {hidden}
            <SubmitButton variant="secondary" size="sm" pending={revealing} pendingLabel="Showing…">Show key</SubmitButton>
          </form>
          <form action={rotate} onSubmit={(event) => {
            if (!window.confirm(`Rotate “${row.name}”? Machines must get the new key within a day.`)) event.preventDefault();
          }}>
            {hidden}
            <SubmitButton variant="secondary" size="sm" pendingLabel="Rotating…">Rotate</SubmitButton>
          </form>
          <form action={revoke} onSubmit={(event) => {
            if (!window.confirm(`Revoke “${row.name}”? Agents sending with it are refused at once.`)) event.preventDefault();
          }}>
            {hidden}
            <SubmitButton variant="danger" size="sm" pendingLabel="Revoking…">Revoke</SubmitButton>
          </form>
        </div>
      ) : null}
      {shown ? <KeyBox shown={shown} endpoint={endpoint} /> : null}
      <ActionMessage result={rotated ?? (revealed && !revealed.ok ? revealed : revoked)} />
    </li>
  );
}

/** Owners/admins: the team's telemetry ingest keys (create, show again, rotate, revoke). */
export function IngestKeysSection({ teamId, endpoint, keys, actions }: { teamId: string; endpoint: string; keys: IngestKeyRow[]; actions: IngestKeyActions }) {
  const [created, create, creating] = useActionState(actions.create, null);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Agents send their OpenTelemetry to <code className="font-mono text-xs">{endpoint}</code> with one of these keys; the key decides the team.
      </p>
      {keys.length ? (
        <ul className="space-y-3">
          {keys.map((row) => <KeyItem key={row.id} teamId={teamId} row={row} endpoint={endpoint} actions={actions} />)}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No ingest keys yet: create one, then put it into the agents’ environment (or download the team’s policy file).</p>
      )}
      <form onSubmit={submitKept(create)} className="flex flex-wrap items-end gap-3" aria-label="Create an ingest key">
        <input type="hidden" name="teamId" value={teamId} />
        <div className="min-w-48 flex-1">
          <Field label="New key name" name="name" hint="What sends with it, e.g. “laptops”." error={issueFor(created, 'name')}>
            <TextInput name="name" required maxLength={100} error={issueFor(created, 'name')} />
          </Field>
        </div>
        <SubmitButton pending={creating} pendingLabel="Creating…">Create key</SubmitButton>
      </form>
      {created?.ok && created.data ? <KeyBox shown={created.data} endpoint={endpoint} /> : <ActionMessage result={created} />}
    </div>
  );
}

'use client';

import { useActionState, useState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

/** Every input is controlled, so a server error (e.g. a duplicate slug) keeps what was entered — Production included. */
export function CreateTeamForm({ action }: { action: (previous: ActionResult, formData: FormData) => Promise<ActionResult> }) {
  const [result, formAction, pending] = useActionState(action, null);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [environment, setEnvironment] = useState<'development' | 'production'>('development');
  return (
    <form onSubmit={submitKept(formAction)} className="space-y-4" aria-label="Create a team">
      <OrgField />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Team name" name="name" error={issueFor(result, 'name')}>
          <TextInput name="name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} error={issueFor(result, 'name')} />
        </Field>
        <Field label="Slug" name="slug" hint="Used in URLs and by scripts." error={issueFor(result, 'slug')}>
          <TextInput name="slug" required value={slug ?? slugify(name)} onChange={(event) => setSlug(event.target.value)} error={issueFor(result, 'slug')} />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Environment</legend>
        <p className="text-xs text-slate-500">Production teams get the stricter production lint rules (no autopilot, sandbox on, shell tool excluded, telemetry off).</p>
        <div className="mt-2 flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="environment" value="development" checked={environment === 'development'} onChange={() => setEnvironment('development')} /> Development
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="environment" value="production" checked={environment === 'production'} onChange={() => setEnvironment('production')} /> Production
          </label>
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Creating…">Create team</SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}

'use client';

import { useActionState, useState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

/** Controlled inputs: a server error (e.g. a duplicate name) keeps the name, description and chosen preset. */
export function NewTemplateForm({
  presets,
  action,
}: {
  presets: { id: string; name: string; description: string }[];
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [start, setStart] = useState('blank');
  const starts = [{ id: 'blank', name: 'Blank', description: 'Sets nothing: every field is inherited until you set it.' }, ...presets];
  return (
    <form onSubmit={submitKept(formAction)} className="space-y-5" aria-label="New template">
      <OrgField />
      <Field label="Name" name="name" error={issueFor(result, 'name')}>
        <TextInput name="name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} error={issueFor(result, 'name')} />
      </Field>
      <Field label="Description (optional)" name="description">
        <TextInput name="description" maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Start from</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {starts.map((option) => (
            <label key={option.id} className="flex cursor-pointer gap-2 rounded-lg p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500">
              <input type="radio" name="start" value={option.id} checked={start === option.id} onChange={() => setStart(option.id)} className="mt-1" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{option.name}</span>
                <span className="block text-xs text-slate-500">{option.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Creating…">Create template</SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}

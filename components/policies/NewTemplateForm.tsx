'use client';

import { useActionState } from 'react';
import { createTemplateAction } from '@/app/(console)/policies/actions';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function NewTemplateForm({ presets }: { presets: { id: string; name: string; description: string }[] }) {
  const [result, formAction] = useActionState(createTemplateAction, null);
  const starts = [{ id: 'blank', name: 'Blank', description: 'Sets nothing: every field is inherited until you set it.' }, ...presets];
  return (
    <form action={formAction} className="space-y-5" aria-label="New template">
      <Field label="Name" name="name" error={issueFor(result, 'name')}>
        <TextInput name="name" required maxLength={100} error={issueFor(result, 'name')} />
      </Field>
      <Field label="Description (optional)" name="description">
        <TextInput name="description" maxLength={2000} />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Start from</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {starts.map((start) => (
            <label key={start.id} className="flex cursor-pointer gap-2 rounded-lg p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500">
              <input type="radio" name="start" value={start.id} defaultChecked={start.id === 'blank'} className="mt-1" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{start.name}</span>
                <span className="block text-xs text-slate-500">{start.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Creating…">Create template</SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}

'use client';

import { useActionState, useState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import type { ActionResult } from '@/lib/http/action';

type Action = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

/** Controlled inputs: a server error (e.g. a weak password) keeps everything that was typed. */
export function SetupForm({ action }: { action: Action }) {
  const [result, formAction, pending] = useActionState(action, null);
  const [values, setValues] = useState({ organization: '', name: '', email: '', password: '' });
  const bind = (key: keyof typeof values) => ({ value: values[key], onChange: (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value }) });
  return (
    <form onSubmit={submitKept(formAction)} className="space-y-4" aria-label="Set up">
      <Field label="Organization" name="organization" error={issueFor(result, 'organization')}>
        <TextInput name="organization" required maxLength={100} {...bind('organization')} error={issueFor(result, 'organization')} />
      </Field>
      <Field label="Your name (optional)" name="name">
        <TextInput name="name" autoComplete="name" {...bind('name')} />
      </Field>
      <Field label="E-mail" name="email" error={issueFor(result, 'email')}>
        <TextInput name="email" type="email" autoComplete="username" required {...bind('email')} error={issueFor(result, 'email')} />
      </Field>
      <Field label="Password" name="password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={issueFor(result, 'password')}>
        <TextInput name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} {...bind('password')} error={issueFor(result, 'password')} />
      </Field>
      <SubmitButton pending={pending} pendingLabel="Creating…">Create organization and owner</SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}

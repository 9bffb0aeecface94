'use client';

import { useActionState } from 'react';
import { completeSetupAction } from '@/app/setup/actions';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

export function SetupForm() {
  const [result, formAction] = useActionState(completeSetupAction, null);
  return (
    <form action={formAction} className="space-y-4" aria-label="Set up">
      <Field label="Organization" name="organization" error={issueFor(result, 'organization')}>
        <TextInput name="organization" required maxLength={100} error={issueFor(result, 'organization')} />
      </Field>
      <Field label="Your name (optional)" name="name">
        <TextInput name="name" autoComplete="name" />
      </Field>
      <Field label="E-mail" name="email" error={issueFor(result, 'email')}>
        <TextInput name="email" type="email" autoComplete="username" required error={issueFor(result, 'email')} />
      </Field>
      <Field label="Password" name="password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={issueFor(result, 'password')}>
        <TextInput name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} error={issueFor(result, 'password')} />
      </Field>
      <SubmitButton pendingLabel="Creating…">Create organization and owner</SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}

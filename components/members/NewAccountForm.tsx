'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, inputClasses, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import type { ActionResult } from '@/lib/http/action';

type Action = (previous: ActionResult<{ email: string }>, formData: FormData) => Promise<ActionResult<{ email: string }>>;

/**
 * The invited person sets their own name and password (the account gets the invited address);
 * on success the browser signs in with them and opens the organization.
 */
export function NewAccountForm({ token, email, action }: { token: string; email: string; action: Action }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [signInFailed, setSignInFailed] = useState(false);
  const mismatch = repeat !== '' && repeat !== password;
  const [result, formAction, pending] = useActionState<ActionResult<{ email: string }>, FormData>(async (previous, formData) => {
    const outcome = await action(previous, formData);
    if (outcome?.ok) {
      const signedIn = await signIn('credentials', { email, password, redirect: false });
      if (signedIn?.ok && !signedIn.error) {
        router.replace('/policies');
        router.refresh();
      } else {
        setSignInFailed(true);
      }
    }
    return outcome;
  }, null);
  return (
    <form
      onSubmit={(event) => {
        if (repeat !== password) {
          event.preventDefault(); // the mismatch is shown under the field
          return;
        }
        submitKept(formAction)(event);
      }}
      className="space-y-4"
      aria-label="Create your account"
    >
      <input type="hidden" name="token" value={token} />
      <Field label="E-mail" name="invited-email" hint="The address you were invited with.">
        <TextInput name="invited-email" value={email} readOnly disabled />
      </Field>
      <Field label="Your name" name="name" error={issueFor(result, 'name')}>
        <TextInput name="name" autoComplete="name" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} error={issueFor(result, 'name')} />
      </Field>
      <Field label="Password" name="password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={issueFor(result, 'password')}>
        <TextInput
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={MAX_PASSWORD_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={issueFor(result, 'password')}
        />
      </Field>
      <Field label="Repeat the password" name="password-repeat" error={mismatch ? 'The two passwords differ.' : undefined}>
        {/* No name attribute: checked here only, never sent. */}
        <input
          id="password-repeat"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          aria-invalid={mismatch ? true : undefined}
          aria-describedby={mismatch ? 'password-repeat-error' : undefined}
          className={inputClasses}
        />
      </Field>
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create account and join
      </SubmitButton>
      <ActionMessage result={result} />
      {signInFailed ? (
        <p className="text-sm text-slate-700">
          Your account was created. <a className="font-medium text-brand-700 underline" href="/login">Sign in</a> with your e-mail and the new password.
        </p>
      ) : null}
    </form>
  );
}

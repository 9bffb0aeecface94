'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field, TextInput } from '@/components/ui/Field';
import { safeCallbackPath } from '@/lib/auth/redirect';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'The e-mail or password is wrong.',
  TooManyAttempts: 'Too many attempts for this e-mail from here. Wait 15 minutes and try again.',
  SignInFailed: 'Sign-in is not available right now. Try again in a moment.',
  NotProvisioned: 'Your single sign-on account is not a member of any organization here. Ask an owner to add you.',
  SessionRequired: 'Please sign in to continue.',
};

function describe(error: string): string {
  return MESSAGES[error] ?? 'Sign-in failed. Try again.';
}

export function LoginForm({ callbackUrl, oidcEnabled, initialError }: { callbackUrl: string; oidcEnabled: boolean; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? describe(initialError) : null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (!result || result.error || !result.ok) {
      setError(describe(result?.error ?? 'unknown'));
      setPending(false);
      return;
    }
    // Checked again here: the prop is the page's, but this is where the browser is sent.
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    <div className="space-y-5">
      <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
        <Field label="E-mail" name="email">
          <TextInput name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password" name="password">
          <TextInput name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {oidcEnabled ? (
        <Button variant="secondary" className="w-full" onClick={() => signIn('oidc', { callbackUrl })}>
          Sign in with single sign-on
        </Button>
      ) : null}
    </div>
  );
}

import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { AuthCard } from '@/components/auth/AuthCard';
import { isOidcEnabled } from '@/lib/auth/options';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { getCurrentUser, getSignedInAccount } from '@/lib/auth/session';
import { isSetupRequired } from '@/lib/setup/setup';

export const metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string; setup?: string }> }) {
  if (await isSetupRequired()) redirect('/setup');
  const { error, callbackUrl, setup } = await searchParams;
  // Only same-site paths: never bounce a signed-in user to another origin.
  const safeCallback = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(safeCallback);
  // Signed in without any membership (to accept an invitation): the invitations, or the link they came from.
  if (await getSignedInAccount()) redirect(safeCallback.startsWith('/invite/') ? safeCallback : '/invitations');
  return (
    <AuthCard title="Sign in to Pilotlight" description={setup === 'done' ? 'Your organization is ready. Sign in with the owner account you just created.' : undefined}>
      <LoginForm callbackUrl={safeCallback} oidcEnabled={isOidcEnabled()} initialError={error ?? null} />
    </AuthCard>
  );
}

import Link from 'next/link';
import { AuthCard } from '@/components/auth/AuthCard';
import { InvitationResponse } from '@/components/members/InvitationResponse';
import { NewAccountForm } from '@/components/members/NewAccountForm';
import { SignOutButton } from '@/components/shell/SignOutButton';
import { Alert } from '@/components/ui/Alert';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { getSignedInAccount } from '@/lib/auth/session';
import { findInvitationByToken, UNAVAILABLE_MESSAGES } from '@/lib/members/invitations';
import { acceptAsNewAccountAction, acceptInvitationAction, declineInvitationAction } from '../actions';

export const metadata = { title: 'Invitation' };
export const dynamic = 'force-dynamic';

/**
 * The link an owner passed on. Not signed in: set up a new account here, or sign in with an
 * existing one (the same page either way, so the page itself does not say whether the address
 * has an account). Signed in as the invited address: accept or decline.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findInvitationByToken(token);
  if (found.state !== 'open') {
    return (
      <AuthCard title="This invitation cannot be used">
        <div className="space-y-4" data-testid="invitation-unavailable" data-state={found.state}>
          <Alert tone="error">{UNAVAILABLE_MESSAGES[found.state]}</Alert>
          <Link href="/login" className="text-sm font-medium text-brand-700 underline">
            Go to sign-in
          </Link>
        </div>
      </AuthCard>
    );
  }
  const { invitation } = found;
  const account = await getSignedInAccount();
  const title = `Join ${invitation.organization.name}`;
  const description = (
    <>
      You are invited as <strong>{ROLE_LABELS[invitation.role]}</strong>
      {invitation.invitedBy ? <> by {invitation.invitedBy}</> : null}.
    </>
  );
  if (account && account.email === invitation.email) {
    return (
      <AuthCard title={title} description={description}>
        <InvitationResponse invitation={invitation} acceptAction={acceptInvitationAction} declineAction={declineInvitationAction} />
      </AuthCard>
    );
  }
  if (account) {
    return (
      <AuthCard title={title} description={description}>
        <div className="space-y-4">
          <Alert tone="warning">
            This invitation is for {invitation.email}, but you are signed in as {account.email}. Sign out, then open the link again.
          </Alert>
          <div className="rounded-md bg-slate-900 p-1">
            <SignOutButton />
          </div>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} description={description}>
      <div className="space-y-6">
        <NewAccountForm token={token} email={invitation.email} action={acceptAsNewAccountAction} />
        <p className="border-t border-slate-200 pt-4 text-sm text-slate-700">
          Already have an account on this Pilotlight with {invitation.email}?{' '}
          <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-brand-700 underline">
            Sign in to accept
          </Link>
          .
        </p>
      </div>
    </AuthCard>
  );
}

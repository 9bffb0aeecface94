import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { InvitationResponse } from '@/components/members/InvitationResponse';
import { SignOutButton } from '@/components/shell/SignOutButton';
import { getSignedInAccount } from '@/lib/auth/session';
import { listReceivedInvitations } from '@/lib/members/invitations';
import { acceptInvitationAction, declineInvitationAction } from '../invite/actions';

export const metadata = { title: 'Invitations' };
export const dynamic = 'force-dynamic';

/** The signed-in person's open invitations (by their account's e-mail), to accept or decline. */
export default async function InvitationsPage() {
  const account = await getSignedInAccount();
  if (!account) redirect('/login?callbackUrl=/invitations');
  const invitations = await listReceivedInvitations(account);
  return (
    <AuthCard title="Your invitations" description={<>Signed in as {account.email}.</>}>
      <div className="space-y-4">
        {invitations.length ? (
          invitations.map((invitation) => (
            <InvitationResponse key={invitation.id} invitation={invitation} acceptAction={acceptInvitationAction} declineAction={declineInvitationAction} />
          ))
        ) : (
          <p className="text-sm text-slate-600" data-testid="no-invitations">
            No open invitations for {account.email}. An owner of an organization can invite you from its Members page.
          </p>
        )}
        {account.memberships > 0 ? (
          <Link href="/policies" className="block text-sm font-medium text-brand-700 underline">
            Back to the console
          </Link>
        ) : (
          <div className="rounded-md bg-slate-900 p-1">
            <SignOutButton />
          </div>
        )}
      </div>
    </AuthCard>
  );
}

import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/AppShell';
import { getCurrentUser, getSignedInAccount } from '@/lib/auth/session';
import { countReceivedInvitations } from '@/lib/members/invitations';
import { isSetupRequired } from '@/lib/setup/setup';
import { switchOrganization } from './actions';

// The shell is a convenience: every page and action below still authorizes through lib/.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const current = await getCurrentUser();
  if (!current) {
    // Signed in, but a member nowhere (yet): the only thing to do is answer an invitation.
    if (await getSignedInAccount()) redirect('/invitations');
    redirect((await isSetupRequired()) ? '/setup' : '/login');
  }
  const invitations = await countReceivedInvitations(current.email);
  return (
    <AppShell
      user={{
        email: current.email,
        name: current.name,
        role: current.actor.role,
        organization: current.organization,
        organizations: current.organizations,
      }}
      switchOrganization={switchOrganization}
      invitations={invitations}
    >
      {children}
    </AppShell>
  );
}

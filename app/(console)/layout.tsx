import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/AppShell';
import { getCurrentUser } from '@/lib/auth/session';
import { isSetupRequired } from '@/lib/setup/setup';
import { switchOrganization } from './actions';

// The shell is a convenience: every page and action below still authorizes through lib/.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const current = await getCurrentUser();
  if (!current) redirect((await isSetupRequired()) ? '/setup' : '/login');
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
    >
      {children}
    </AppShell>
  );
}

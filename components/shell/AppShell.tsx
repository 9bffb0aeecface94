import Link from 'next/link';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { CollapsibleSidebar } from './CollapsibleSidebar';
import { Logo } from './Logo';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { RenderedForOrgProvider } from './RenderedForOrg';
import { SidebarNav } from './SidebarNav';
import { SignOutButton } from './SignOutButton';

export interface ShellUser {
  email: string;
  name: string | null;
  role: Role;
  organization: { id: string; name: string };
  organizations: { id: string; name: string; role: Role }[];
}

export function AppShell({ user, switchOrganization, invitations = 0, children }: {
  user: ShellUser;
  switchOrganization: (orgId: string) => Promise<void>;
  /** Open invitations addressed to the user, linked to /invitations. */
  invitations?: number;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <CollapsibleSidebar
        brand={
          <Link href="/policies" className="flex items-center gap-2 px-2 text-white">
            <Logo />
            <span className="text-lg font-semibold tracking-tight">Pilotlight</span>
          </Link>
        }
      >
        <SidebarNav />
        <div className="mt-auto space-y-3 border-t border-slate-800 pt-4">
          <div className="px-3" data-testid="shell-identity">
            <p className="text-xs uppercase tracking-wide text-slate-500">Organization</p>
            {user.organizations.length > 1 ? (
              <OrganizationSwitcher current={user.organization.id} organizations={user.organizations} switchTo={switchOrganization} />
            ) : (
              <p className="truncate text-sm font-medium text-white" data-testid="shell-organization">
                {user.organization.name}
              </p>
            )}
            <p className="mt-2 truncate text-sm text-slate-300" title={user.email} data-testid="shell-user">
              {user.name ? `${user.name} · ` : ''}
              {user.email}
            </p>
            <p className="text-xs text-brand-100" data-testid="shell-role">
              {ROLE_LABELS[user.role]}
            </p>
          </div>
          {invitations > 0 ? (
            <Link href="/invitations" className="block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-500" data-testid="shell-invitations">
              {invitations === 1 ? '1 invitation to answer' : `${invitations} invitations to answer`}
            </Link>
          ) : null}
          <SignOutButton />
        </div>
      </CollapsibleSidebar>
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8">
        {/* The organization this shell shows is the one every form below acts in (or is refused). */}
        <RenderedForOrgProvider orgId={user.organization.id}>
          <div className="mx-auto max-w-6xl">{children}</div>
        </RenderedForOrgProvider>
      </main>
    </div>
  );
}

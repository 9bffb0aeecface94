import { SettingsNav } from '@/components/shell/SettingsNav';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { PERMISSION_NAMES, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, roleCan } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { redirect } from 'next/navigation';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const current = await getCurrentUser();
  if (!current) redirect('/login');
  return (
    <>
      <PageHeader title="Settings" description="Members, roles and API tokens of your organization." />
      <SettingsNav active="overview" />
      <div className="space-y-6">
        <Card title={current.organization.name} description={`You are signed in as ${current.email}, ${ROLE_LABELS[current.actor.role].toLowerCase()}: ${ROLE_DESCRIPTIONS[current.actor.role]}`}>
          <p className="text-sm text-slate-600">What each role may do. API tokens additionally need the scope shown.</p>
          <div className="mt-4">
            <Table label="Role permissions">
              <thead>
                <tr>
                  <Th>Permission</Th>
                  {ROLES.map((role) => (
                    <Th key={role} className="text-center">
                      {ROLE_LABELS[role]}
                    </Th>
                  ))}
                  <Th>Token scope</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {PERMISSION_NAMES.map((permission) => {
                  const definition = PERMISSIONS[permission];
                  return (
                    <tr key={permission}>
                      <Td>
                        <code className="text-xs font-semibold text-slate-900">{permission}</code>
                        <div className="text-xs text-slate-500">{definition.description}</div>
                      </Td>
                      {ROLES.map((role) => (
                        <Td key={role} className="text-center" aria-label={roleCan(role, permission) ? 'allowed' : 'not allowed'}>
                          {roleCan(role, permission) ? '✓' : '—'}
                        </Td>
                      ))}
                      <Td className="font-mono text-xs">{'scope' in definition ? definition.scope : 'console only'}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </div>
        </Card>
      </div>
    </>
  );
}

import { SettingsNav } from '@/components/shell/SettingsNav';
import { CreateTokenForm } from '@/components/tokens/CreateTokenForm';
import { RevokeTokenButton } from '@/components/tokens/RevokeTokenButton';
import { Badge } from '@/components/ui/Badge';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { Forbidden } from '@/components/ui/Forbidden';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';
import { listTokens } from '@/lib/tokens/tokens';

export const metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const actor = await requireUser();
  const header = (
    <>
      <PageHeader title="Settings" description="Members, roles and API tokens of your organization." />
      <SettingsNav active="tokens" />
    </>
  );
  if (!can(actor, 'tokens:manage')) return <>{header}<Forbidden what="managing API tokens" /></>;
  const tokens = await listTokens(actor);
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card
          title="API tokens"
          description="For scripts that download policy files and upload logs. A token acts for the member who created it and never has more rights than that member has now."
        >
          {tokens.length === 0 ? (
            <EmptyState title="No API tokens yet">Create one below for your first script.</EmptyState>
          ) : (
            <Table label="API tokens">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Scopes</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((token) => (
                  <tr key={token.id} data-testid={`token-${token.name}`}>
                    <Td>
                      <div className="font-medium text-slate-900">{token.name}</div>
                      <div className="font-mono text-xs text-slate-500">{token.prefix}…</div>
                    </Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        {token.scopes.map((scope) => (
                          <Badge key={scope}>{scope}</Badge>
                        ))}
                      </div>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {formatDateTime(token.createdAt)}
                      <div className="text-xs text-slate-500">by {token.createdBy}</div>
                    </Td>
                    <Td className="whitespace-nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Td>
                    <Td>
                      {token.revokedAt ? (
                        // A state, not an action: a grey label with the date, unlike the red Revoke button.
                        <span className="inline-flex items-center gap-1.5 text-xs text-slate-500" data-testid="token-revoked">
                          <Badge tone="neutral">Revoked</Badge>
                          <span>{formatDateTime(token.revokedAt)}</span>
                        </span>
                      ) : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title="Create a token">
          <CreateTokenForm origin={await requestOrigin()} />
        </Card>
      </div>
    </>
  );
}

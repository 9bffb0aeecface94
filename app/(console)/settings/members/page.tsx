import { InviteMemberForm } from '@/components/members/InviteMemberForm';
import { MemberActions } from '@/components/members/MemberActions';
import { PendingInvitations } from '@/components/members/PendingInvitations';
import { SettingsNav } from '@/components/shell/SettingsNav';
import { Badge } from '@/components/ui/Badge';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { INVITATION_LIFETIME_DAYS, listInvitations } from '@/lib/members/invitations';
import { listMembers } from '@/lib/members/members';
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from './actions';

export const metadata = { title: 'Members' };

export default async function MembersPage() {
  const actor = await requireUser();
  const [members, invitations] = await Promise.all([listMembers(actor), listInvitations(actor)]);
  const canManage = can(actor, 'members:manage');
  return (
    <>
      <PageHeader title="Settings" description="Members, roles and API tokens of your organization." />
      <SettingsNav active="members" />
      <div className="space-y-6">
        <Card title="Members" description={canManage ? 'The last owner can be neither removed nor demoted.' : 'Only owners can change members.'}>
          <Table label="Members">
            <thead>
              <tr>
                <Th>Member</Th>
                <Th>Role</Th>
                <Th>Joined</Th>
                {canManage ? <Th>Manage</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <tr key={member.userId} data-testid={`member-${member.email}`}>
                  <Td>
                    <div className="font-medium text-slate-900">{member.email}</div>
                    {member.name ? <div className="text-xs text-slate-500">{member.name}</div> : null}
                    {member.userId === actor.userId ? <div className="text-xs text-slate-500">(you)</div> : null}
                  </Td>
                  <Td>
                    <Badge tone={member.role === 'OWNER' ? 'info' : 'neutral'}>{ROLE_LABELS[member.role]}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(member.joinedAt)}</Td>
                  {canManage ? (
                    <Td>
                      <MemberActions userId={member.userId} email={member.email} role={member.role} changeRoleAction={changeRoleAction} removeMemberAction={removeMemberAction} />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card
          title="Pending invitations"
          description={canManage ? 'People who have not accepted yet. Withdrawing an invitation makes its link stop working.' : 'People invited who have not accepted yet. Only owners can withdraw invitations.'}
        >
          {invitations.length ? (
            <PendingInvitations invitations={invitations} revokeAction={canManage ? revokeInvitationAction : undefined} />
          ) : (
            <p className="text-sm text-slate-600">{canManage ? 'No open invitations. Invite someone below.' : 'No open invitations.'}</p>
          )}
        </Card>
        {canManage ? (
          <Card
            title="Invite a member"
            description={`They get a link to pass on, valid for ${INVITATION_LIFETIME_DAYS} days, and join once they accept: with their existing account, or a new one they set up themselves.`}
          >
            <InviteMemberForm action={inviteMemberAction} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

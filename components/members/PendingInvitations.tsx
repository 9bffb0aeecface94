'use client';

import { useActionState } from 'react';
import { OrgField } from '@/components/shell/RenderedForOrg';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Badge } from '@/components/ui/Badge';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/http/action';

type FormAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

export interface PendingInvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

function RevokeInvitationButton({ invitation, action }: { invitation: PendingInvitationView; action: FormAction }) {
  const [result, revoke] = useActionState(action, null);
  return (
    <form
      action={revoke}
      aria-label={`Withdraw the invitation of ${invitation.email}`}
      onSubmit={(event) => {
        if (!window.confirm(`Withdraw the invitation of ${invitation.email}? Their link stops working.`)) event.preventDefault();
      }}
    >
      <OrgField />
      <input type="hidden" name="invitationId" value={invitation.id} />
      <SubmitButton variant="danger" size="sm" pendingLabel="Withdrawing…">
        Withdraw
      </SubmitButton>
      <ActionMessage result={result && !result.ok ? result : null} />
    </form>
  );
}

/** Open invitations; owners (members:manage) may withdraw them. */
export function PendingInvitations({ invitations, revokeAction }: { invitations: PendingInvitationView[]; revokeAction?: FormAction }) {
  return (
    <Table label="Pending invitations">
      <thead>
        <tr>
          <Th>Invited</Th>
          <Th>Role</Th>
          <Th>Valid until</Th>
          {revokeAction ? <Th>Manage</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invitations.map((invitation) => (
          <tr key={invitation.id} data-testid={`invitation-${invitation.email}`}>
            <Td>
              <div className="font-medium text-slate-900">{invitation.email}</div>
              {invitation.invitedBy ? <div className="text-xs text-slate-500">by {invitation.invitedBy}</div> : null}
            </Td>
            <Td>
              <Badge tone="neutral">{ROLE_LABELS[invitation.role]}</Badge>
            </Td>
            <Td className="whitespace-nowrap">{invitation.expired ? <Badge tone="warning">Expired</Badge> : formatDateTime(invitation.expiresAt)}</Td>
            {revokeAction ? (
              <Td>
                <RevokeInvitationButton invitation={invitation} action={revokeAction} />
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDateTime } from '@/components/ui/format';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/http/action';

type FormAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

export interface InvitationSummary {
  id: string;
  role: Role;
  organization: { name: string };
  invitedBy: string | null;
  expiresAt: Date;
}

/** Accept or decline one invitation addressed to the signed-in person. */
export function InvitationResponse({ invitation, acceptAction, declineAction }: { invitation: InvitationSummary; acceptAction: FormAction; declineAction: FormAction }) {
  const [accepted, accept] = useActionState(acceptAction, null);
  const [declined, decline] = useActionState(declineAction, null);
  const label = invitation.organization.name;
  if (declined?.ok) {
    return (
      <div className="rounded-lg p-4 ring-1 ring-slate-200" data-testid={`received-${label}`}>
        <p className="text-sm text-slate-700">You declined the invitation to {label}.</p>
      </div>
    );
  }
  return (
    <div className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200" data-testid={`received-${label}`}>
      <p className="text-sm text-slate-900">
        Join <strong>{label}</strong> as <strong>{ROLE_LABELS[invitation.role]}</strong>
        {invitation.invitedBy ? <> — invited by {invitation.invitedBy}</> : null}.
      </p>
      <p className="text-xs text-slate-500">Valid until {formatDateTime(invitation.expiresAt)}.</p>
      <div className="flex flex-wrap gap-2">
        <form action={accept} aria-label={`Accept the invitation to ${label}`}>
          <input type="hidden" name="invitationId" value={invitation.id} />
          <SubmitButton pendingLabel="Joining…">Accept and join</SubmitButton>
        </form>
        <form action={decline} aria-label={`Decline the invitation to ${label}`}>
          <input type="hidden" name="invitationId" value={invitation.id} />
          <SubmitButton variant="secondary" pendingLabel="Declining…">
            Decline
          </SubmitButton>
        </form>
      </div>
      <ActionMessage result={accepted && !accepted.ok ? accepted : null} />
      <ActionMessage result={declined && !declined.ok ? declined : null} />
    </div>
  );
}

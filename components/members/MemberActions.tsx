'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/http/action';

type FormAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
import { OrgField } from '@/components/shell/RenderedForOrg';

/** Change-role and remove controls for one member row (owners only). */
export function MemberActions({ userId, email, role, changeRoleAction, removeMemberAction }: { userId: string; email: string; role: Role; changeRoleAction: FormAction; removeMemberAction: FormAction }) {
  const [roleResult, changeRole] = useActionState(changeRoleAction, null);
  const [removeResult, remove] = useActionState(removeMemberAction, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={changeRole} className="flex items-center gap-2" aria-label={`Change role of ${email}`}>
          <OrgField />
          <input type="hidden" name="userId" value={userId} />
          <select
            name="role"
            defaultValue={role}
            aria-label={`Role of ${email}`}
            className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300"
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
            Change role
          </SubmitButton>
        </form>
        <form
          action={remove}
          aria-label={`Remove ${email}`}
          onSubmit={(event) => {
            if (!window.confirm(`Remove ${email} from this organization?`)) event.preventDefault();
          }}
        >
          <OrgField />
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="danger" size="sm" pendingLabel="Removing…">
            Remove
          </SubmitButton>
        </form>
      </div>
      <ActionMessage result={roleResult && !roleResult.ok ? roleResult : null} />
      <ActionMessage result={removeResult && !removeResult.ok ? removeResult : null} />
    </div>
  );
}

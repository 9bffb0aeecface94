'use client';

import { useTransition } from 'react';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';

/** Shown only to people who belong to more than one organization. */
export function OrganizationSwitcher({
  current,
  organizations,
  switchTo,
}: {
  current: string;
  organizations: { id: string; name: string; role: Role }[];
  switchTo: (orgId: string) => Promise<void>;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <label className="block">
      <span className="sr-only">Organization</span>
      <select
        value={current}
        disabled={pending}
        onChange={(event) => startTransition(() => switchTo(event.target.value))}
        className="w-full rounded-md border-0 bg-slate-800 px-2 py-1.5 text-sm text-white ring-1 ring-slate-700"
      >
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name} ({ROLE_LABELS[org.role]})
          </option>
        ))}
      </select>
    </label>
  );
}

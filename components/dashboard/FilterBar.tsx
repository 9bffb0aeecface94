'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/Button';

export interface FilterBarOptions {
  teams: { id: string; slug: string; name: string }[];
  users: string[];
  clients: string[];
}

const PRESETS = ['24h', '7d', '30d', '90d'] as const;
const select = 'rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300';

/**
 * Filters live in the URL (shareable, survive reload); a change is a client-side navigation, so
 * the server renders the new data without a full page reload.
 */
export function FilterBar({ options }: { options: FilterBarOptions }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const qs = next.toString();
    start(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  };
  const custom = Boolean(params.get('from') || params.get('to'));
  const preset = custom ? null : (params.get('preset') ?? '7d');
  const browserZone = typeof Intl !== 'undefined' ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC';
  const zones = [...new Set(['UTC', browserZone, params.get('tz') ?? 'UTC'])];

  return (
    <form
      className="mb-5 flex flex-wrap items-end gap-3 rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200"
      aria-label="Dashboard filters"
      onSubmit={(e) => {
        e.preventDefault();
        update({ from: from || null, to: to || null, preset: null });
      }}
    >
      <fieldset className="flex items-center gap-1">
        <legend className="mb-1 text-xs font-medium text-slate-600">Period</legend>
        {PRESETS.map((p) => (
          <Button key={p} variant={preset === p ? 'primary' : 'secondary'} size="sm" aria-pressed={preset === p} onClick={() => update({ preset: p === '7d' ? null : p, from: null, to: null })}>
            {p}
          </Button>
        ))}
      </fieldset>
      <label className="text-xs font-medium text-slate-600">
        From
        <input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} className={`${select} ml-1 block`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        To
        <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} className={`${select} ml-1 block`} />
      </label>
      <Button type="submit" variant="secondary" size="sm" disabled={!from && !to}>
        Apply range
      </Button>
      <label className="text-xs font-medium text-slate-600">
        Team
        <select className={`${select} block`} value={params.get('team') ?? ''} onChange={(e) => update({ team: e.target.value || null })} name="team">
          <option value="">All teams</option>
          {options.teams.map((t) => (
            <option key={t.id} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        User
        <select className={`${select} block max-w-48`} value={params.get('user') ?? ''} onChange={(e) => update({ user: e.target.value || null })} name="user">
          <option value="">All users</option>
          {options.users.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Client
        <select className={`${select} block`} value={params.get('client') ?? ''} onChange={(e) => update({ client: e.target.value || null })} name="client">
          <option value="">All clients</option>
          {options.clients.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Bucket
        <select className={`${select} block`} value={params.get('bucket') ?? ''} onChange={(e) => update({ bucket: e.target.value || null })} name="bucket">
          <option value="">Automatic</option>
          <option value="hour">Hour</option>
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Time zone
        <select className={`${select} block`} value={params.get('tz') ?? 'UTC'} onChange={(e) => update({ tz: e.target.value === 'UTC' ? null : e.target.value })} name="tz">
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </select>
      </label>
      <span role="status" aria-live="polite" className="text-xs text-slate-500">
        {pending ? 'Updating…' : ''}
      </span>
    </form>
  );
}

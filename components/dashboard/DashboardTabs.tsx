'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

const TABS = [
  { href: '/dashboard', label: 'Telemetry' },
  { href: '/dashboard/prompts', label: 'Prompts' },
  { href: '/dashboard/activity', label: 'Activity' },
  { href: '/dashboard/compliance', label: 'Compliance' },
];

/** The dashboard pages; the filters travel with the link. */
export function DashboardTabs() {
  const pathname = usePathname();
  const qs = useSearchParams().toString();
  return (
    <nav aria-label="Dashboards" className="mb-4 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={qs ? `${tab.href}?${qs}` : tab.href}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-slate-900 text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

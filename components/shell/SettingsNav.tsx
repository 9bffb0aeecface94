import Link from 'next/link';

const TABS = [
  { id: 'overview', href: '/settings', label: 'Overview' },
  { id: 'members', href: '/settings/members', label: 'Members' },
  { id: 'tokens', href: '/settings/tokens', label: 'API tokens' },
] as const;

export function SettingsNav({ active }: { active: (typeof TABS)[number]['id'] }) {
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === active ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            tab.id === active ? 'border-brand-500 text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

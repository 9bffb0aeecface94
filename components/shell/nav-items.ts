export interface NavItem {
  href: string;
  label: string;
  description: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/policies', label: 'Policies', description: 'Policy templates, versions and downloads' },
  { href: '/teams', label: 'Teams', description: 'Teams, projects and their effective policy' },
  { href: '/uploads', label: 'Uploads', description: 'Telemetry, prompt logs and activity reports' },
  { href: '/dashboard', label: 'Dashboard', description: 'Audit charts' },
  { href: '/reports', label: 'Reports', description: 'Audit reports for a period and scope' },
  { href: '/audit-log', label: 'Audit log', description: 'Every admin action, hash-chained' },
  { href: '/settings', label: 'Settings', description: 'Members, roles and API tokens' },
];

import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Every page reads the session or the database: nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Pilotlight', template: '%s · Pilotlight' },
  description: 'Govern AI coding agents: policy templates, downloads, telemetry and audit.',
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}

import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState } from '@/components/ui/EmptyState';

/** An area of the console that is planned but not built yet: says what will be here. */
export function ComingSoon({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Coming soon">{children}</EmptyState>
    </>
  );
}

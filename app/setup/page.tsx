import { notFound } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { SetupForm } from '@/components/auth/SetupForm';
import { isSetupRequired } from '@/lib/setup/setup';
import { completeSetupAction } from './actions';

export const metadata = { title: 'Set up' };

// Exists only until the first user does; afterwards this page is a 404.
export default async function SetupPage() {
  if (!(await isSetupRequired())) notFound();
  return (
    <AuthCard title="Set up Pilotlight" description="Create your organization and its first owner. This page disappears once done.">
      <SetupForm action={completeSetupAction} />
    </AuthCard>
  );
}

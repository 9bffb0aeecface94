import { ImportForm } from '@/components/policies/ImportForm';
import { Card } from '@/components/ui/Card';
import { Forbidden } from '@/components/ui/Forbidden';
import { PageHeader } from '@/components/ui/PageHeader';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listTemplates } from '@/lib/templates/templates';

export const metadata = { title: 'Import a policy file' };

export default async function ImportPage() {
  const actor = await requireUser();
  if (!can(actor, 'templates:write')) {
    return (
      <>
        <PageHeader title="Import a policy file" />
        <Forbidden what="creating templates" />
      </>
    );
  }
  const templates = await listTemplates(actor);
  return (
    <>
      <PageHeader
        title="Import a policy file"
        description="Turn an agent's own settings file into a template (or a new version of one). You see what maps, what cannot be carried over and the risk findings before anything is saved."
      />
      <Card>
        <ImportForm templates={templates.map(({ id, name }) => ({ id, name }))} />
      </Card>
    </>
  );
}

import { NewTemplateForm } from '@/components/policies/NewTemplateForm';
import { Card } from '@/components/ui/Card';
import { Forbidden } from '@/components/ui/Forbidden';
import { PageHeader } from '@/components/ui/PageHeader';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { PRESETS } from '@/lib/policy/presets';
import { createTemplateAction } from '../actions';

export const metadata = { title: 'New template' };

export default async function NewTemplatePage() {
  const actor = await requireUser();
  return (
    <>
      <PageHeader title="New policy template" description="A template is a layer: fields you leave unset are inherited from the organization default and the built-in defaults." />
      {can(actor, 'templates:write') ? (
        <Card>
          <NewTemplateForm presets={PRESETS.map(({ id, name, description }) => ({ id, name, description }))} action={createTemplateAction} />
        </Card>
      ) : (
        <Forbidden what="creating templates" />
      )}
    </>
  );
}

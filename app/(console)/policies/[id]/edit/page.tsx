import { notFound } from 'next/navigation';
import { TemplateEditor } from '@/components/policies/TemplateEditor';
import { Forbidden } from '@/components/ui/Forbidden';
import { PageHeader } from '@/components/ui/PageHeader';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { getTemplate } from '@/lib/templates/templates';
import { saveTemplateVersionAction } from '../../actions';

export const metadata = { title: 'Edit template' };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const template = await getTemplate(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`Edit ${template.name}`}
        description={`Editing version ${template.latestVersion}. Saving creates version ${template.latestVersion + 1}; unchecked fields are inherited from the organization default.`}
      />
      {can(actor, 'templates:write') && !template.archived ? (
        <TemplateEditor
          key={template.latestVersion}
          templateId={template.id}
          baseVersion={template.latestVersion}
          initialSettings={template.settings}
          initialEnvironment={template.teams.some((team) => team.environment === 'production') ? 'production' : 'development'}
          saveAction={saveTemplateVersionAction}
        />
      ) : (
        <Forbidden what={template.archived ? 'editing an archived template' : 'editing templates'} />
      )}
    </>
  );
}

'use client';

import { startTransition, useActionState, useState, type DragEvent } from 'react';
import { importTemplateAction, previewImportAction } from '@/app/(console)/policies/import/actions';
import { FindingsSummary } from '@/components/policies/FindingsSummary';
import { useRenderedForOrg } from '@/components/shell/RenderedForOrg';
import { Acknowledgements } from '@/components/policies/editor/Acknowledgements';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { RENDERED_FOR_ORG_FIELD } from '@/lib/auth/active-org';
import { FORMATS, IMPORTABLE_FORMAT_IDS } from '@/lib/formats/catalog';
import { evaluateSettingsWrite } from '@/lib/policy/gate';

/**
 * Drop an agent's own settings file, see how it maps to the canonical document (with what
 * could not be carried over and the lint findings), then save it as a template or a version.
 */
export function ImportForm({ templates }: { templates: { id: string; name: string }[] }) {
  const [preview, runPreview, previewing] = useActionState(previewImportAction, null);
  const [saved, runImport, saving] = useActionState(importTemplateAction, null);
  // Controlled state, sent by hand: a submitted <form> would be reset by React after the
  // preview, losing the chosen file before "Save".
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [target, setTarget] = useState('');
  const [name, setName] = useState('');
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [droppedAcknowledged, setDroppedAcknowledged] = useState(false);
  const [dragging, setDragging] = useState(false);
  const renderedForOrg = useRenderedForOrg();
  // The file and format the preview was made from: a preview of another file is never shown (or saved).
  const [previewed, setPreviewed] = useState<{ file: File; format: string } | null>(null);
  const mapped = preview?.ok && previewed?.file === file && previewed.format === format ? preview.data : undefined;
  // The same risks the server's gate refuses without an acknowledgement.
  const required = mapped ? evaluateSettingsWrite(mapped.settings).required : [];

  function chooseFile(next: File | null) {
    setFile(next);
    setAcknowledged(new Set());
    setDroppedAcknowledged(false);
  }

  function send(dispatch: (data: FormData) => void) {
    const data = new FormData();
    data.set(RENDERED_FOR_ORG_FIELD, renderedForOrg);
    if (file) data.set('file', file);
    data.set('format', format);
    data.set('templateId', target);
    data.set('name', name);
    for (const rule of required) if (acknowledged.has(rule)) data.append('acknowledgeRisks', rule);
    if (droppedAcknowledged) data.set('acknowledgeDroppedControls', 'on');
    if (dispatch === runPreview && file) setPreviewed({ file, format });
    startTransition(() => dispatch(data));
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    chooseFile(event.dataTransfer.files[0] ?? null);
  }

  return (
    <div className="space-y-5" role="form" aria-label="Import a policy file">
      <label
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? 'border-brand-500 bg-brand-50' : 'border-slate-300 bg-white'}`}
      >
        <span className="text-sm font-medium text-slate-900">{file?.name ?? 'Drop a settings file here, or click to choose one'}</span>
        <span className="text-xs text-slate-500">
          Kiro (permissions.yaml, .kiro/settings.json, IDE settings.json, mcp.json), Gemini CLI settings.json (v1 or v2) or policy .toml, Claude Code managed-settings.json, .gitignore or a
          firewall allowlist; up to 1 MB.
        </span>
        <input type="file" aria-label="Policy file" className="sr-only" onChange={(event) => chooseFile(event.target.files?.[0] ?? null)} />
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Format" name="format" hint="Detected from the file unless you choose.">
          <SelectInput name="format" value={format} onChange={(event) => setFormat(event.target.value)}>
            <option value="">Detect automatically</option>
            {IMPORTABLE_FORMAT_IDS.map((format) => (
              <option key={format} value={format}>
                {FORMATS[format].label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field label="Save as" name="templateId">
          <SelectInput name="templateId" value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">A new template</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                New version of {template.name}
              </option>
            ))}
          </SelectInput>
        </Field>
        {target === '' ? (
          <Field label="New template name" name="name">
            <TextInput name="name" maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
          </Field>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => send(runPreview)} disabled={!file || previewing || saving}>
          {previewing ? 'Reading…' : 'Preview'}
        </Button>
        {mapped ? (
          <Button onClick={() => send(runImport)} disabled={saving || previewing || required.some((rule) => !acknowledged.has(rule)) || (mapped.droppedControls.length > 0 && !droppedAcknowledged)}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        ) : null}
      </div>
      <ActionMessage result={preview && !preview.ok ? preview : null} />
      <ActionMessage result={saved} />
      {mapped ? (
        <section className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-label="Import preview" data-testid="import-preview">
          <p className="text-sm text-slate-700">
            Read as <strong data-testid="import-format">{FORMATS[mapped.format].label}</strong>.
          </p>
          {mapped.warnings.length ? (
            <Alert tone="warning">
              <p className="font-medium">Not carried over ({mapped.warnings.length}):</p>
              <ul className="mt-1 list-disc pl-5" data-testid="import-warnings">
                {mapped.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            <Alert tone="success">Everything in the file maps to the policy document.</Alert>
          )}
          {mapped.droppedControls.length ? (
            <Alert tone="error">
              <p className="font-medium">Security controls this import drops ({mapped.droppedControls.length}), most severe first:</p>
              <ul className="mt-1 list-disc pl-5" data-testid="import-dropped-controls">
                {mapped.droppedControls.map((control) => (
                  <li key={control.message}>
                    <strong>{control.impact}</strong>: {control.message}
                  </li>
                ))}
              </ul>
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input type="checkbox" checked={droppedAcknowledged} onChange={(event) => setDroppedAcknowledged(event.target.checked)} /> I understand that the saved template will not
                have these controls.
              </label>
            </Alert>
          ) : null}
          <FindingsSummary findings={mapped.findings} environment="development" />
          <Acknowledgements required={required} acknowledged={acknowledged} onChange={setAcknowledged} disabled={saving} />
          <pre className="max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs" data-testid="import-settings">
            {JSON.stringify(mapped.settings, null, 2)}
          </pre>
        </section>
      ) : null}
    </div>
  );
}

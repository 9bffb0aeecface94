'use client';

import { useMemo, type ReactNode } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { DEFAULT_SETTINGS, type PolicySettings } from '@/lib/policy/settings';
import { FieldSection } from './FieldSection';
import { Inherited, InheritToggle } from './InheritToggle';
import { defaultOf, parseListEntry, TOP_LEVEL_FIELDS, validationIssues, withAllowedDomains, withField, type ListField, type TopLevelField } from './layer';
import { ListSection } from './ListSection';
import { McpServersEditor } from './McpServersEditor';
import { NoteList } from './Notes';
import { FIELD_HEADINGS, mergeIssues, partitionByPrefix, toNotes, type EditorFinding, type EditorIssue } from './paths';
import { AutoAcceptSection, ModeSection, SandboxSection } from './ScalarSections';
import type { SectionProps } from './sectionTypes';
import { TelemetrySection } from './TelemetrySection';

export interface SettingsEditorProps {
  value: PolicySettings;
  onChange: (next: PolicySettings) => void;
  findings: readonly EditorFinding[];
  /** Validation problems, e.g. from the server; paths may start with `settings.`. */
  issues?: readonly EditorIssue[];
  disabled?: boolean;
}

const SHELL_TOOL = 'run_shell_command';

const LISTS: Record<ListField, { description: string; noun: string; placeholder: string; hint?: ReactNode }> = {
  trustedCommands: {
    description: 'Commands the agent may run without asking.',
    noun: 'trusted command',
    placeholder: 'npm test',
    hint: (
      <>
        An exact command, <code>prefix *</code> for every command starting with the prefix, or <code>*</code> to trust everything.
      </>
    ),
  },
  deniedCommands: {
    description: 'Commands the agent always refuses; checked before trust, so a denied command is refused even if trusted.',
    noun: 'denied command',
    placeholder: 'rm -rf',
  },
  coreTools: {
    description: 'Tools the agent may use.',
    noun: 'core tool',
    placeholder: 'read_file',
    hint: (
      <>
        <code>all</code> allows every tool; otherwise only the tools listed.
      </>
    ),
  },
  excludeTools: {
    description: 'Tools the agent may never use, whatever else allows them.',
    noun: 'excluded tool',
    placeholder: SHELL_TOOL,
  },
  gitignore: {
    description: 'Lines added to each project’s .gitignore, e.g. files that hold secrets.',
    noun: '.gitignore entry',
    placeholder: '.env',
  },
};

/**
 * A controlled form for every field of a policy template. The template is a layer, so each field
 * can be left unset (inherited); findings and validation issues appear next to what they are about.
 */
export function SettingsEditor({ value, onChange, findings, issues, disabled = false }: SettingsEditorProps) {
  // The editor validates on its own too, so a problem shows as it is typed; its issues come first
  // so their wording wins over the same problem reported by the server.
  const notes = useMemo(() => toNotes(findings, mergeIssues(validationIssues(value), issues ?? [])), [findings, issues, value]);
  const { within, rest } = partitionByPrefix(notes, TOP_LEVEL_FIELDS);
  const props = (field: TopLevelField): SectionProps => ({ value, onChange, disabled, notes: within.get(field) ?? [] });

  const listSection = (field: ListField, extra?: Parameters<typeof ListSection>[0]['extra']) => {
    const { description, noun, placeholder, hint } = LISTS[field];
    return (
      <ListSection
        field={field}
        title={FIELD_HEADINGS[field] ?? field}
        description={description}
        noun={noun}
        placeholder={placeholder}
        hint={hint}
        items={value[field]}
        defaultItems={DEFAULT_SETTINGS[field]}
        onSet={(next) => onChange(withField(value, field, next))}
        parse={(raw) => parseListEntry(field, raw)}
        notes={within.get(field) ?? []}
        disabled={disabled}
        extra={extra}
      />
    );
  };

  const mcpSet = value.mcpServers !== undefined;

  return (
    <div className="space-y-4" data-testid="settings-editor">
      {rest.length > 0 ? (
        <Alert tone={rest.some((note) => note.kind === 'issue') ? 'error' : 'warning'}>
          <p className="font-medium">Not tied to a field of the form:</p>
          <NoteList notes={rest} base="" className="mt-1" />
        </Alert>
      ) : null}
      <ModeSection {...props('mode')} />
      {listSection('trustedCommands')}
      {listSection('deniedCommands')}
      <TelemetrySection {...props('telemetry')} />
      <SandboxSection {...props('sandbox')} />
      <AutoAcceptSection {...props('autoAccept')} />
      {listSection('coreTools')}
      {listSection('excludeTools', (effective, apply) =>
        effective.includes(SHELL_TOOL) ? null : (
          <Button variant="secondary" size="sm" onClick={() => apply([...effective, SHELL_TOOL])}>
            Exclude the shell tool ({SHELL_TOOL})
          </Button>
        ),
      )}
      <FieldSection
        field="mcpServers"
        title="MCP servers"
        description="Model Context Protocol servers the agent can start or call. They are merged by name with the servers of lower layers."
        inherited={!mcpSet}
        notes={[]}
        action={
          <InheritToggle
            field="MCP servers"
            checked={mcpSet}
            disabled={disabled}
            onChange={(on) => onChange(withField(value, 'mcpServers', on ? defaultOf('mcpServers') : undefined))}
          />
        }
      >
        {mcpSet ? (
          <McpServersEditor servers={value.mcpServers ?? {}} notes={within.get('mcpServers') ?? []} onChange={disabled ? undefined : (next) => onChange(withField(value, 'mcpServers', next))} />
        ) : (
          <Inherited>
            <McpServersEditor servers={DEFAULT_SETTINGS.mcpServers} notes={within.get('mcpServers') ?? []} />
          </Inherited>
        )}
      </FieldSection>
      {listSection('gitignore')}
      <ListSection
        field="network"
        path="network.allowedDomains"
        title="Network allowlist"
        description={
          <>
            Domains the agent may reach; <code>*.example.com</code> includes every subdomain.
          </>
        }
        noun="allowed domain"
        placeholder="api.example.com"
        items={value.network?.allowedDomains}
        defaultItems={DEFAULT_SETTINGS.network.allowedDomains}
        onSet={(next) => onChange(withAllowedDomains(value, next))}
        parse={(raw) => parseListEntry('network.allowedDomains', raw)}
        notes={within.get('network') ?? []}
        disabled={disabled}
      />
    </div>
  );
}

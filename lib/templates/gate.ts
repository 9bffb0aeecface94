import 'server-only';
import { ValidationError, type ValidationIssue } from '@/lib/errors';
import { zodIssues } from '@/lib/http/json';
import { ACKNOWLEDGEMENTS, evaluateSettingsWrite, type AcknowledgeableRule } from '@/lib/policy/gate';
import type { LintEnvironment, LintFinding } from '@/lib/policy/lint';
import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';

export interface GatedWrite {
  /** The settings as the schema outputs them: what is stored. */
  settings: PolicySettings;
  findings: LintFinding[];
  /** The risks the author accepted, stored with the write. */
  acknowledged: AcknowledgeableRule[];
}

export interface GateOptions {
  /** Lint environment: production when a production team gets these settings. */
  environment: LintEnvironment;
  /** Rule ids the author explicitly accepted (`acknowledgeRisks`). */
  acknowledgeRisks?: readonly string[];
  /** How the caller names the settings in messages and issue paths (default `settings`). */
  field?: string;
}

/**
 * THE gate every path that writes settings passes — the editor and API (create, new version),
 * import, rollback and project overrides — so that a new write path cannot skip validation, lint
 * or the acknowledgements: the settings are validated against the schema (again, for settings
 * read back from the database, whose rules may have tightened since), linted for `environment`,
 * and refused (400, every blocking finding with its path) while a finding that needs an
 * acknowledgement (`*`, a literal secret) is not acknowledged.
 */
export function gateSettingsWrite(settings: unknown, options: GateOptions): GatedWrite {
  const field = options.field ?? 'settings';
  const result = policySettingsSchema.safeParse(settings);
  if (!result.success) {
    const issues = zodIssues(result.error).map((issue) => ({ ...issue, path: issue.path ? `${field}.${issue.path}` : field }));
    throw new ValidationError(`The settings are not valid (${issues.length === 1 ? '1 problem' : `${issues.length} problems`}).`, issues);
  }
  const parsed = result.data;
  const evaluation = evaluateSettingsWrite(parsed, { environment: options.environment, acknowledged: options.acknowledgeRisks });
  if (evaluation.missing.length) {
    const issues: ValidationIssue[] = [
      ...evaluation.findings
        .filter((finding) => (evaluation.missing as string[]).includes(finding.rule))
        .map((finding) => ({ path: `${field}.${finding.path}`, message: finding.message })),
      ...evaluation.missing.map((rule) => ({ path: 'acknowledgeRisks', message: `Acknowledge “${rule}” to save anyway.` })),
    ];
    throw new ValidationError(evaluation.missing.map((rule) => ACKNOWLEDGEMENTS[rule].refusal).join(' '), issues);
  }
  return { settings: parsed, findings: evaluation.findings, acknowledged: evaluation.acknowledged };
}

import { Badge } from '@/components/ui/Badge';
import { Table, Td, Th } from '@/components/ui/Table';

/** The counts of an upload's result and its first record errors (shared by the live result and the details page). */
export interface UploadCountsView {
  format: string;
  team: string | null;
  accepted: number;
  duplicates: number;
  rejected: number;
  privacyFindings: number;
  secretsMasked: number;
  dangerousCommands: number;
  untrustedCommands: number;
  telemetryWhileDisabled: number;
  errors: { record: number; message: string }[];
  warnings: string[];
}

const FINDINGS: [keyof UploadCountsView, string][] = [
  ['privacyFindings', 'privacy findings'],
  ['secretsMasked', 'secrets masked'],
  ['dangerousCommands', 'dangerous commands'],
  ['untrustedCommands', 'untrusted commands'],
  ['telemetryWhileDisabled', 'telemetry while disabled'],
];

export function UploadCounts({ result, maxErrors = 10 }: { result: UploadCountsView; maxErrors?: number }) {
  return (
    <div className="space-y-3" data-testid="upload-counts">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="info">{result.format}</Badge>
        <span className="text-slate-600">team: {result.team ?? 'none'}</span>
        <Badge tone="success">{result.accepted} accepted</Badge>
        <Badge tone={result.duplicates ? 'warning' : 'neutral'}>{result.duplicates} duplicates</Badge>
        <Badge tone={result.rejected ? 'danger' : 'neutral'}>{result.rejected} rejected</Badge>
        {FINDINGS.map(([key, label]) =>
          Number(result[key]) > 0 ? (
            <Badge key={key} tone="warning">
              {String(result[key])} {label}
            </Badge>
          ) : null,
        )}
      </div>
      {result.warnings.length ? (
        <ul className="list-disc pl-5 text-sm text-amber-800">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {result.errors.length ? (
        <Table label="Record errors">
          <thead>
            <tr>
              <Th>Record</Th>
              <Th>Problem</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.errors.slice(0, maxErrors).map((error, i) => (
              <tr key={`${error.record}-${i}`}>
                <Td className="font-mono">{error.record}</Td>
                <Td>{error.message}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {result.errors.length > maxErrors ? <p className="text-xs text-slate-500">…and {result.errors.length - maxErrors} more errors.</p> : null}
    </div>
  );
}

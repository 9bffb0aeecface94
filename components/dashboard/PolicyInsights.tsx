import Link from 'next/link';
import type { TeamInsights } from '@/lib/analytics/insights';
import { Card } from '@/components/ui/Card';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { OrgField } from '@/components/shell/RenderedForOrg';

/** Per team: what to trust, what to drop, and which trusted entry let a dangerous command run. */
export function PolicyInsights({ insights, threshold, canWrite, trust }: { insights: TeamInsights[]; threshold: number; canWrite: boolean; trust: (formData: FormData) => Promise<void> }) {
  if (!insights.length) {
    return (
      <Card title="Policy insights">
        <p className="text-sm text-slate-600">
          No teams yet. <Link href="/teams" className="text-sky-700 underline">Create a team</Link> and upload its telemetry to see what its policy should trust.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Policy insights" description={`From the commands people ran in this period, checked against each team’s policy of today. Approved by hand at least ${threshold} times and lint-clean → trust them.`}>
      <div className="space-y-5" data-testid="policy-insights">
        {insights.map((team) => (
          <section key={team.team.id} aria-labelledby={`insight-${team.team.id}`} className="rounded-md ring-1 ring-slate-200">
            <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
              <h3 id={`insight-${team.team.id}`} className="text-sm font-semibold text-slate-900">
                {team.team.name}
              </h3>
              <span className="text-xs text-slate-500">
                {team.template ? (
                  <>
                    Template: <Link className="text-sky-700 underline" href={`/policies/${team.template.id}`}>{team.template.name}</Link>
                  </>
                ) : (
                  <Link className="text-sky-700 underline" href={`/teams/${team.team.id}`}>No template of its own — assign one</Link>
                )}
              </span>
            </header>
            <div className="grid gap-4 px-4 py-3 md:grid-cols-3">
              <div>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Add to the trusted list</h4>
                {team.trustCandidates.length ? (
                  <form action={trust} className="mt-1 space-y-1">
                    <OrgField />
                    <input type="hidden" name="teamId" value={team.team.id} />
                    {team.trustCandidates.map((c) => (
                      <label key={c.command} className="flex items-start gap-2 text-sm">
                        <input type="checkbox" name="command" value={c.command} defaultChecked className="mt-1" />
                        <span>
                          <code>{c.command}</code> <span className="text-xs text-slate-500">approved {c.approvals}×</span>
                        </span>
                      </label>
                    ))}
                    {canWrite && team.template ? (
                      <SubmitButton size="sm" variant="secondary">Open a new version with these trusted</SubmitButton>
                    ) : (
                      <p className="text-xs text-slate-500">{team.template ? 'Your role may not edit templates.' : 'Assign a template to the team first.'}</p>
                    )}
                  </form>
                ) : (
                  <p className="mt-1 text-sm text-slate-500">Nothing approved by hand often enough.</p>
                )}
              </div>
              <div>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Trusted but never run</h4>
                {team.unusedTrusted.length ? (
                  <ul className="mt-1 space-y-0.5 text-sm">
                    {team.unusedTrusted.map((entry) => (
                      <li key={entry}>
                        <code>{entry}</code>
                      </li>
                    ))}
                    <li className="text-xs text-slate-500">Candidates to remove: fewer entries, less to go wrong.</li>
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-500">Every trusted entry was used.</p>
                )}
              </div>
              <div>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Dangerous commands run automatically</h4>
                {team.autoExecutedDangerous.length ? (
                  <ul className="mt-1 space-y-1 text-sm">
                    {team.autoExecutedDangerous.map((d) => (
                      <li key={d.command}>
                        <code className="break-all">{d.command}</code> <span className="text-xs text-slate-500">{d.runs}×</span>
                        <div className="text-xs text-red-800">
                          {d.trustedBy ? (
                            <>
                              let through by <code>{d.trustedBy}</code> —{' '}
                            </>
                          ) : (
                            'not covered by today’s list — '
                          )}
                          <Link className="text-sky-700 underline" href={team.template ? `/policies/${team.template.id}` : `/teams/${team.team.id}`}>
                            fix the trusted list
                          </Link>
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-500">None.</p>
                )}
              </div>
            </div>
          </section>
        ))}
      </div>
    </Card>
  );
}

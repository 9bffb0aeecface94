import { describe, expect, it } from 'vitest';
import type { ChartResult } from '@/lib/analytics/charts';
import { diffSettings } from '@/lib/policy/diff';
import { completeSettings } from '@/lib/policy/merge';
import { reportDataDigest } from '@/lib/reports/digest';
import { digestInput } from '@/lib/reports/model';
import { chartSummary } from '@/lib/reports/sections/activity';
import { exampleOf } from '@/lib/reports/sections/findings';
import { assignmentChange, fieldChanges, teamPolicyOf } from '@/lib/reports/sections/policy';
import type { EffectivePolicy } from '@/lib/teams/effective';
import { fixtureReport } from './fixture';

// The report model built from fixed data by the sections' pure parts: fields with provenance,
// masked secrets, diffs, assignment wording, totals, examples and the digest's coverage.
describe('policy section', () => {
  const settings = completeSettings({
    mode: 'supervised',
    trustedCommands: ['git status'],
    mcpServers: { github: { command: 'gh', env: { GITHUB_TOKEN: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' } } },
  });
  const policy: EffectivePolicy = {
    team: { id: 't', name: 'Payments', slug: 'payments', environment: 'production' },
    project: null,
    layers: [{ source: 'team', label: 'Strict', templateId: 'tpl', version: 3, pinned: true }],
    settings,
    provenance: { mode: 'team', trustedCommands: 'team', 'mcpServers.github': 'team' },
    findings: [{ rule: 'hardcoded-secret', severity: 'critical', path: 'mcpServers.github.env.GITHUB_TOKEN', message: 'A literal secret.' }],
  };

  it('lists every field with its layer, as the team page does, with secrets masked', () => {
    const t = teamPolicyOf(policy);
    expect(t.layers).toEqual([{ source: 'team', label: 'Strict', templateId: 'tpl', version: 3, pinned: true }]);
    expect(t.fields.find((f) => f.path === 'mode')).toEqual({ path: 'mode', label: 'Mode', value: 'supervised', origin: 'team' });
    expect(t.fields.find((f) => f.path === 'sandbox')?.origin).toBe('default');
    expect(t.fields.find((f) => f.path === 'trustedCommands')?.value).toBe('git status');
    const github = t.fields.find((f) => f.path === 'mcpServers.github')!;
    expect(github.origin).toBe('team');
    expect(github.value).toContain('gh');
    expect(JSON.stringify(t)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(t.findings).toEqual([{ rule: 'hardcoded-secret', severity: 'critical', path: 'mcpServers.github.env.GITHUB_TOKEN', message: 'A literal secret.' }]);
  });

  it('turns the field-level diff into before/after text', () => {
    const changes = fieldChanges(diffSettings({ mode: 'autopilot', trustedCommands: ['a', 'b'], sandbox: 'docker' }, { mode: 'supervised', trustedCommands: ['b', 'c'], autoAccept: true }));
    expect(changes).toEqual([
      { path: 'autoAccept', kind: 'added', before: null, after: 'true' },
      { path: 'mode', kind: 'changed', before: 'autopilot', after: 'supervised' },
      { path: 'sandbox', kind: 'removed', before: 'docker', after: null },
      { path: 'trustedCommands', kind: 'list', before: 'removed: a', after: 'added: c' },
    ]);
    expect(fieldChanges(diffSettings({ trustedCommands: ['a', 'b'] }, { trustedCommands: ['b', 'a'] }))).toEqual([{ path: 'trustedCommands', kind: 'list', before: 'reordered', after: null }]);
  });

  it('words assignment changes with the team and the template', () => {
    const names = new Map([['team-1', 'Payments']]);
    const row = (action: string, targetType: string, targetId: string, before: unknown, after: unknown) => ({
      seq: 4, created_at: new Date('2026-11-03T09:00:00Z'), actor_type: 'user', actor_label: 'a@example.com', action, target_type: targetType, target_id: targetId, before, after, details: null,
    });
    expect(assignmentChange(row('policy.team_assigned', 'team', 'team-1', { template: null, version: null }, { template: 'Strict', version: 2 }), names)).toMatchObject({
      target: 'Payments', before: '(none)', after: 'Strict v2 (pinned)', description: "Set a team's policy", at: '2026-11-03T09:00:00.000Z', actor: 'a@example.com',
    });
    expect(assignmentChange(row('policy.org_assigned', 'organization', 'org', { template: 'Old', version: null }, { template: null }), names)).toMatchObject({ target: 'Organization default', before: 'Old (latest)', after: '(none)' });
    expect(assignmentChange(row('project.deleted', 'project', 'team-1/api', { overrides: { mode: 'autopilot' } }, null), names)).toMatchObject({ target: 'Payments / project api', before: '{"mode":"autopilot"}', after: '(deleted)' });
  });
});

describe('activity and findings sections', () => {
  it('totals additive series and leaves percentiles, rates and distinct users without a total', () => {
    const result = (chart: ChartResult['chart'], name: string, ys: (number | null)[]): ChartResult => ({ chart, bucket: 'day', from: '2026-11-01', to: '2026-11-03', series: [{ name, data: ys.map((y, i) => ({ x: `2026-11-0${i + 1}`, y })) }] });
    expect(chartSummary(result('telemetry-events', 'error', [1, 0, 4])).series[0]).toMatchObject({ total: 5, max: 4 });
    expect(chartSummary(result('performance', 'p95 · x', [100, null, 300])).series[0]).toMatchObject({ total: null, max: 300 });
    expect(chartSummary(result('active-users', 'active users', [2, 3, 2])).series[0]).toMatchObject({ total: null, max: 3 });
    expect(chartSummary(result('activity', 'inline acceptance rate (%)', [50, null, 40])).series[0]).toMatchObject({ total: null, max: 50 });
    expect(chartSummary(result('compliance', 'dangerous-commands', [0, 0, 0]))).toMatchObject({ title: 'Compliance findings', kind: 'time', series: [{ total: 0, max: 0 }] });
  });

  it('never puts prompt text into a finding example', () => {
    const e = exampleOf('secrets-in-prompts', { time: '2026-11-02T10:00:00.000Z', user: 'u', team: 'T', kind: 'chat', model: 'm', secretsMasked: 2, prompt: 'my password is hunter2', response: 'ok' });
    expect(e).toEqual({ time: '2026-11-02T10:00:00.000Z', user: 'u', team: 'T', detail: '2 secret(s) masked · model m · chat' });
    expect(exampleOf('dangerous-commands', { time: 't', user: 'u', team: 'T', detail: 'rm -rf /', decision: 'auto', flagged: ['deletes files', 'not trusted'] }).detail).toBe('rm -rf / · auto · deletes files; not trusted');
    expect(exampleOf('privacy-findings', { time: 't', event: 'e1', field: 'message', rule: 'file-path', team: 'T' }).detail).toBe('message · file-path · event e1');
  });
});

describe('the data digest', () => {
  it('covers the data, not when or how fast the report was built', () => {
    const a = fixtureReport();
    const later = fixtureReport({ integrity: { ...a.integrity, generatedAt: '2027-01-01T00:00:00.000Z', durationMs: 9999 }, policy: { ...a.policy, asOf: '2027-01-01T00:00:00.000Z' } });
    const digest = (r: typeof a) => reportDataDigest(digestInput({ ...r, chain: r.integrity.chain }));
    expect(digest(later)).toBe(digest(a));
    const changed = fixtureReport({ activity: { ...a.activity, peopleActive: 4 } });
    expect(digest(changed)).not.toBe(digest(a));
    const broken = fixtureReport({ integrity: { ...a.integrity, chain: { ...a.integrity.chain, status: 'broken' } } });
    expect(digest(broken)).not.toBe(digest(a));
  });
});

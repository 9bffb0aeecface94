import { describe, expect, it } from 'vitest';
import { applyRetention, setRetention } from '@/lib/ingest/retention';
import { ROLLUP_TABLES } from '@/lib/ingest/sql';
import { auditRows, createOrganizationWithMembers, createTokenFor } from '../../helpers/factories';
import { api } from '../../helpers/api';
import { count, rollupSnapshot, sample } from './helpers';

function post(token: string, body: Uint8Array) {
  return api('POST', '/api/v1/uploads', { token, rawBody: body, headers: { 'x-filename': 'file' } });
}

describe('retention', () => {
  it('purges old records but keeps every rollup (hourly and daily), so charts of the past stay', async () => {
    const { org, admin } = await createOrganizationWithMembers();
    const uploader = (await createTokenFor(admin, ['events:write'])).token;
    for (const file of ['telemetry.ndjson', 'prompt-log-chat.json', 'user-activity.csv']) expect((await post(uploader, sample(file))).status).toBe(201);
    const before = await rollupSnapshot(org.id);
    // Every rollup table holds something, so "unchanged" below means something.
    for (const table of ['telemetry_hourly', 'telemetry_dim_daily', 'command_daily', 'telemetry_text_daily', 'client_version_hourly', 'prompt_daily', 'activity_daily']) {
      expect(before[table]!.length, table).toBeGreaterThan(0);
    }
    expect(Object.keys(before).sort()).toEqual([...ROLLUP_TABLES].sort());

    // The samples are from November 2026: a one-day retention purges all of them.
    const result = await setRetention(admin, { retentionDays: 1 });
    expect(result).toMatchObject({ retentionDays: 1, purged: expect.any(Number) });
    expect(result.purged).toBeGreaterThan(0);
    expect(await applyRetention(org.id)).toBe(0);
    for (const table of ['telemetry_event', 'prompt_log_record', 'user_activity_day', 'privacy_finding']) expect(await count(table, org.id), table).toBe(0);
    expect(await rollupSnapshot(org.id)).toEqual(before);
    expect((await auditRows(org.id, 'retention.changed')).length).toBe(1);
  });

  it('refuses a retention that is not a whole number of days, and changes nothing', async () => {
    const { admin, editor, org } = await createOrganizationWithMembers();
    await expect(setRetention(admin, { retentionDays: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(setRetention(admin, { retentionDays: 1.5 })).rejects.toMatchObject({ status: 400 });
    await expect(setRetention(editor, { retentionDays: 30 })).rejects.toMatchObject({ status: 403 });
    expect((await auditRows(org.id, 'retention.changed')).length).toBe(0);
  });
});

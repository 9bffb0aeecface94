import { describe, expect, it } from 'vitest';
import { appendAuditRow } from '@/lib/audit/append-queue';
import { recordAudit } from '@/lib/audit/record';
import { listAuditLog } from '@/lib/audit/queries';
import { verifyAuditLog } from '@/lib/audit/verify';
import { getPrisma, transaction } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { auditRows, createOrganizationWithMembers } from '../helpers/factories';

describe('audit log', () => {
  it('chains concurrent appends into one line per organization', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'team.created', target: { type: 'team', id: String(i) } })),
      ),
    );
    const rows = await auditRows(org.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows[0]!.prevHash).toBeNull();
  });

  it('group-commits standalone rows (downloads) in order, each caller waiting for its own row', async () => {
    const { org, auditor } = await createOrganizationWithMembers();
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        appendAuditRow({ orgId: org.id, actor: auditor, action: 'policy.downloaded', target: { type: 'policy_template', id: String(i) }, details: { n: i } }),
      ),
    );
    const rows = await auditRows(org.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(rows.map((r) => r.targetId)).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));
    expect(rows[0]).toMatchObject({ before: null, after: null, details: { n: 0 } });
    expect((await verifyAuditLog()).breaks.filter((b) => b.orgId === org.id)).toEqual([]);
  });

  it('rolls the row back with the change it describes', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    await expect(
      transaction(async (tx) => {
        await recordAudit(tx, { orgId: org.id, actor: owner, action: 'team.created' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await auditRows(org.id)).toHaveLength(0);
  });

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'team.created' }));
    await expect(getPrisma().auditLog.updateMany({ where: { orgId: org.id }, data: { action: 'x' } })).rejects.toThrow(/append-only/);
    await expect(getPrisma().auditLog.deleteMany({ where: { orgId: org.id } })).rejects.toThrow(/append-only/);
  });

  it('lets verify find an edited row and a deleted row (tampering by a superuser)', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    for (let i = 0; i < 5; i++) {
      await transaction((tx) => recordAudit(tx, { orgId: org.id, actor: owner, action: 'member.added', after: { n: i } }));
    }
    expect((await verifyAuditLog()).breaks.filter((b) => b.orgId === org.id)).toEqual([]);

    const rows = await auditRows(org.id);
    await transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await tx.$executeRaw`UPDATE audit_log SET after = '{"n": 99}' WHERE id = ${rows[2]!.id}`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    expect((await verifyAuditLog()).breaks.find((b) => b.orgId === org.id)).toMatchObject({ seq: 3, reason: 'content_changed' });

    await transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await tx.$executeRaw`UPDATE audit_log SET after = '{"n": 2}' WHERE id = ${rows[2]!.id}`;
      await tx.$executeRaw`DELETE FROM audit_log WHERE id = ${rows[1]!.id}`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    expect((await verifyAuditLog()).breaks.find((b) => b.orgId === org.id)).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });

  it('is readable by owners, admins and auditors of the organization only', async () => {
    const a = await createOrganizationWithMembers();
    const b = await createOrganizationWithMembers();
    await transaction((tx) => recordAudit(tx, { orgId: b.org.id, actor: b.owner, action: 'team.created' }));
    for (const actor of [a.owner, a.admin, a.auditor]) expect(await listAuditLog(actor)).toEqual([]);
    await expect(listAuditLog(a.editor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listAuditLog(b.auditor)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabaseConnections, getPrisma } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { completeSetup, isSetupRequired } from '@/lib/setup/setup';
import { createScratchDatabase, dropScratchDatabase } from '../helpers/scratch-database';

// Setup depends on the database having no users at all, so this file gets a database of its own.
const serverUrl = process.env.PILOTLIGHT_TEST_SERVER_URL!;
const sharedUrl = process.env.DATABASE_URL!;
let scratchUrl: string;

beforeAll(async () => {
  scratchUrl = await createScratchDatabase(serverUrl);
  await closeDatabaseConnections();
  process.env.DATABASE_URL = scratchUrl;
});
afterAll(async () => {
  await closeDatabaseConnections();
  process.env.DATABASE_URL = sharedUrl;
  await dropScratchDatabase(serverUrl, scratchUrl);
});

const input = { organization: 'Acme', name: 'Ada', email: 'Ada@Example.com', password: 'a long enough password' };

describe('first-run setup', () => {
  it('rejects bad input without writing anything', async () => {
    await expect(completeSetup({ ...input, password: 'short', email: 'x', admin: true })).rejects.toBeInstanceOf(ValidationError);
    expect(await isSetupRequired()).toBe(true);
    expect(await getPrisma().organization.count()).toBe(0);
  });

  it('creates the organization and its owner exactly once, even when raced', async () => {
    const results = await Promise.allSettled([completeSetup(input), completeSetup({ ...input, organization: 'Other', email: 'eve@example.com' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(NotFoundError);
    expect(await isSetupRequired()).toBe(false);
    expect(await getPrisma().user.count()).toBe(1);
    const membership = await getPrisma().membership.findFirstOrThrow({ include: { user: true, organization: true } });
    expect(membership.role).toBe('OWNER');
    expect(await getPrisma().auditLog.count({ where: { orgId: membership.orgId, action: 'setup.completed' } })).toBe(1);
  });

  it('is gone once a user exists', async () => {
    await expect(completeSetup({ ...input, email: 'late@example.com' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

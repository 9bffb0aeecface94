import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/health/route';
import { closeDatabaseConnections } from '@/lib/db/client';

describe('GET /api/v1/health', () => {
  it('answers 200 with the database up', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 with "db":"down" when the database is unreachable', async () => {
    const url = process.env.DATABASE_URL;
    await closeDatabaseConnections();
    process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/nothing';
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'degraded', db: 'down' });
    } finally {
      await closeDatabaseConnections();
      process.env.DATABASE_URL = url;
    }
    expect((await GET()).status).toBe(200);
  });
});

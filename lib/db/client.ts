import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';

/**
 * One pg pool and one Prisma client per process (kept on globalThis so dev reloads and test
 * files share them). The pool is exported for the few places Prisma cannot serve (COPY).
 */
interface DatabaseGlobals {
  pool?: pg.Pool;
  prisma?: PrismaClient;
}
const globals = globalThis as typeof globalThis & { __pilotlightDb?: DatabaseGlobals };
const state: DatabaseGlobals = (globals.__pilotlightDb ??= {});

export function getPool(): pg.Pool {
  state.pool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return state.pool;
}

export function getPrisma(): PrismaClient {
  state.prisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return state.prisma;
}

/** Closes the client and pool if they were opened (scripts and tests call this on exit). */
export async function closeDatabaseConnections(): Promise<void> {
  const { prisma, pool } = state;
  state.prisma = undefined;
  state.pool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}

/** A Prisma client bound to a transaction, as passed to `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

/** Runs `work` in one transaction; audit rows written with `tx` commit or roll back with it. */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getPrisma().$transaction(work, { maxWait: 10_000, timeout: 30_000 });
}

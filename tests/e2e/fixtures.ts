import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';

/**
 * Each spec makes its own data through the API and signs in once per worker (storageState), so
 * specs run in parallel and one failure does not cascade. The `setup` project creates the
 * organization through the first-run page; each worker then adds its own owner with the admin
 * CLI, signs in through the login form once, and reuses that session in every test it runs.
 */
export const ORGANIZATION = 'Acme Robotics';
export const FIRST_OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'olivia-owner-password' };

export interface Account {
  email: string;
  password: string;
  /** An API token of this owner with every scope, for creating test data. */
  token: string;
  storageStatePath: string;
}

/** A name no other test (or an earlier run against the same server) uses. */
export function unique(prefix: string): string {
  return `${prefix} ${randomBytes(3).toString('hex')}`;
}

/** The admin CLI against the e2e server's embedded database (started by `npm start`). */
export function adminCli(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/admin.ts', ...args], {
      env: { ...process.env, PILOTLIGHT_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`admin ${args[0]} exited ${code}: ${stderr}`))));
  });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('shell-user')).toContainText(email);
}

/** A new member of the organization, signed in in a browser context of its own. */
export async function createMember(browser: Browser, role: 'owner' | 'admin' | 'editor' | 'auditor') {
  const email = `${role}-${randomBytes(3).toString('hex')}@acme.test`;
  const password = `${role}-password-${randomBytes(4).toString('hex')}`;
  await adminCli('create-user', '--email', email, '--password', password, '--role', role, '--org', ORGANIZATION);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { email, password, context, page };
}

async function createAccount(browser: Browser, baseURL: string, index: number): Promise<Account> {
  const email = `owner-w${index}-${randomBytes(3).toString('hex')}@acme.test`;
  const password = `worker-${index}-owner-password`;
  await adminCli('create-user', '--email', email, '--password', password, '--role', 'owner', '--org', ORGANIZATION);
  const output = await adminCli('create-token', '--email', email, '--scopes', 'templates:read,templates:write,events:write,reports:read', '--name', `e2e worker ${index}`);
  const token = output.trim().split('\n').at(-1)!;
  const storageStatePath = path.resolve('test-results', '.auth', `worker-${index}.json`);
  await fs.mkdir(path.dirname(storageStatePath), { recursive: true });
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await context.storageState({ path: storageStatePath });
  await context.close();
  return { email, password, token, storageStatePath };
}

export const test = base.extend<{ api: APIRequestContext }, { account: Account }>({
  account: [
    async ({ browser }, provide, workerInfo) => {
      await provide(await createAccount(browser, workerInfo.project.use.baseURL!, workerInfo.parallelIndex));
    },
    { scope: 'worker' },
  ],
  storageState: async ({ account }, provide) => provide(account.storageStatePath),
  api: async ({ playwright, account, baseURL }, provide) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${account.token}` } });
    await provide(context);
    await context.dispose();
  },
});

export { expect };

/** Creates a template through the API; returns its id and name. */
export async function createTemplate(api: APIRequestContext, body: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const response = await api.post('/api/v1/templates', { data: body });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { id: string; name: string };
  return { id: created.id, name: created.name };
}

/** Saves a new version of a template through the API (as another admin would, meanwhile). */
export async function saveVersion(api: APIRequestContext, id: string, body: Record<string, unknown>): Promise<void> {
  const response = await api.put(`/api/v1/templates/${id}`, { data: body });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function createTeam(api: APIRequestContext, name: string, environment: 'development' | 'production'): Promise<{ id: string; slug: string }> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const response = await api.post('/api/v1/teams', { data: { name, slug, environment } });
  expect(response.status(), await response.text()).toBe(201);
  const team = (await response.json()) as { id: string; slug: string };
  return { id: team.id, slug: team.slug };
}

export async function assignTeamTemplate(api: APIRequestContext, teamId: string, templateId: string): Promise<void> {
  const response = await api.put(`/api/v1/teams/${teamId}/policy`, { data: { templateId } });
  expect(response.ok(), await response.text()).toBe(true);
}

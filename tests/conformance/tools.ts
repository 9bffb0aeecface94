import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The real tools, loaded from the folder tests/conformance/install.mjs installs them into (they are
 * not app dependencies, so they have no types here: the few members used are declared below).
 */
export const TOOLS_DIR = process.env.PILOTLIGHT_CONFORMANCE_DIR ?? path.resolve(import.meta.dirname, '../../node_modules/.cache/pilotlight-conformance');
const requireTool = createRequire(path.join(TOOLS_DIR, 'package.json'));

export type GeminiDecision = 'allow' | 'deny' | 'ask_user';
export type GeminiMode = 'default' | 'autoEdit' | 'yolo' | 'plan';

interface GeminiRule {
  decision: GeminiDecision;
  priority?: number;
  source?: string;
}
interface GeminiEngine {
  check(call: { name: string; args: Record<string, unknown> }, serverName: string | undefined): Promise<{ decision: GeminiDecision; rule?: GeminiRule }>;
}
export interface GeminiCore {
  createPolicyEngineConfig(settings: Record<string, unknown>, mode: GeminiMode, defaultPoliciesDir?: string, interactive?: boolean): Promise<Record<string, unknown>>;
  PolicyEngine: new (config: Record<string, unknown>) => GeminiEngine;
  loadPoliciesFromToml(dirs: string[], tier: (dir: string) => number): Promise<{ rules: GeminiRule[]; errors: Array<{ message: string; details?: string; severity?: 'error' | 'warning' }> }>;
  ALL_BUILTIN_TOOL_NAMES: readonly string[];
  version: string;
}

let gemini: Promise<GeminiCore> | undefined;

/** @google/gemini-cli-core, with an empty home folder so that no user policy of this machine takes part. */
export function loadGeminiCore(): Promise<GeminiCore> {
  gemini ??= (async () => {
    process.env.HOME = mkdtempSync(path.join(tmpdir(), 'pilotlight-gemini-home-'));
    process.env.USERPROFILE = process.env.HOME;
    const entry = requireTool.resolve('@google/gemini-cli-core');
    const core = (await import(pathToFileURL(entry).href)) as Omit<GeminiCore, 'version'>;
    const { version } = requireTool('@google/gemini-cli-core/package.json') as { version: string };
    return { ...core, version };
  })();
  return gemini;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string; params?: unknown }> | null;
}
interface AjvInstance {
  compile(schema: unknown): SchemaValidator;
}
type AjvClass = new (options: Record<string, unknown>) => AjvInstance;

/** ajv for a draft-07 (`draft7`) or 2020-12 (`2020`) schema, with formats. */
export function compileSchema(schema: unknown, draft: 'draft7' | '2020'): SchemaValidator {
  const ajvModule = requireTool(draft === '2020' ? 'ajv/dist/2020' : 'ajv') as { default: AjvClass };
  const addFormats = (requireTool('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;
  const ajv = new ajvModule.default({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

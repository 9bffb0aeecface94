// Installs the conformance tools (tests/conformance/package.json, exact versions) into
// node_modules/.cache/pilotlight-conformance, once per version set: @google/gemini-cli-core brings
// ~450 packages (~380 MB), and @anthropic-ai/claude-code its ~380 MB native binary (the platform package
// from its optionalDependencies; its postinstall is not needed: the tests run that binary directly), which
// `npm ci` for the app should not pay for. Only the npm registry is used.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');
export const TOOLS_DIR = process.env.PILOTLIGHT_CONFORMANCE_DIR ?? path.join(root, 'node_modules/.cache/pilotlight-conformance');

const manifest = readFileSync(path.join(here, 'package.json'), 'utf8');
const stamp = createHash('sha256').update(manifest).digest('hex');
const stampFile = path.join(TOOLS_DIR, '.installed');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`conformance tools: up to date in ${path.relative(root, TOOLS_DIR)}`);
} else {
  mkdirSync(TOOLS_DIR, { recursive: true });
  writeFileSync(path.join(TOOLS_DIR, 'package.json'), manifest);
  console.log(`conformance tools: installing into ${path.relative(root, TOOLS_DIR)} …`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error', '--save-exact'], {
    cwd: TOOLS_DIR,
    stdio: 'inherit',
    env: { ...process.env, npm_config_engine_strict: 'false' },
  });
  writeFileSync(stampFile, stamp);
}

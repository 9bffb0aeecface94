import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOOLS_DIR } from './tools';

/**
 * Runs the real `claude doctor` (the native binary of @anthropic-ai/claude-code's linux-x64 package;
 * the npm wrapper only swaps itself for it in a postinstall, which install.mjs does not run) with a
 * file installed as Claude Code's managed settings.
 *
 * Doctor reads managed settings only from the system path /etc/claude-code/managed-settings.json:
 * CLAUDE_CODE_MANAGED_SETTINGS_PATH is in the 2.1.332 binary but, tried as that file and as a folder
 * holding it, doctor did not read it. So this needs root (CI runs as root) and an absent
 * /etc/claude-code/managed-settings.json: an existing one (a real policy, or another run) is never
 * overwritten, the test fails instead. Doctor runs without a TTY, login or network (it reports the
 * API as unreachable and goes on); a hang is cut off by the timeout.
 */

export const CLAUDE_BINARY = path.join(TOOLS_DIR, 'node_modules/@anthropic-ai/claude-code-linux-x64/claude');
const MANAGED_DIR = '/etc/claude-code';
export const MANAGED_FILE = path.join(MANAGED_DIR, 'managed-settings.json');
const TIMEOUT_MS = 60_000;

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g, '');

export interface DoctorRun {
  /** Exit status: 0, or non-zero when doctor refuses the file (e.g. not JSON). */
  exitCode: number;
  /** stdout then stderr, ANSI stripped. */
  output: string;
}

/** Runs the binary; rejects only when it cannot start or hangs past the timeout, not on a non-zero exit. */
function exec(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<DoctorRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = stripAnsi(`${stdout}${stderr}`);
      if (error && (error.killed || typeof error.code !== 'number')) {
        reject(new Error(`${file} ${args.join(' ')} ${error.killed ? `hung: killed after ${TIMEOUT_MS} ms` : `did not run: ${error.message}`}\n${output}`));
      } else resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, output });
    });
    child.stdin?.end();
  });
}

/** Why doctor cannot run here, or undefined. */
function preconditionProblem(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `claude doctor conformance runs on linux-x64 only (this is ${process.platform}-${process.arch})`;
  if (!existsSync(CLAUDE_BINARY)) return `${CLAUDE_BINARY} is missing: run node tests/conformance/install.mjs`;
  if (process.getuid?.() !== 0) return `claude doctor reads managed settings only from ${MANAGED_FILE}, which needs root (run the conformance tests as root, as CI does)`;
  if (existsSync(MANAGED_FILE)) return `${MANAGED_FILE} already exists (a real managed policy, or another run): not overwriting it; remove it or run elsewhere`;
  return undefined;
}

/** Doctor's exit status and output with `contents` installed as the managed settings file, removed afterwards. */
export async function runClaudeDoctor(contents: string): Promise<DoctorRun> {
  const problem = preconditionProblem();
  if (problem) throw new Error(problem);
  const createdDir = !existsSync(MANAGED_DIR);
  const scratch = mkdtempSync(path.join(tmpdir(), 'pilotlight-claude-'));
  let wrote = false;
  try {
    mkdirSync(MANAGED_DIR, { recursive: true });
    writeFileSync(MANAGED_FILE, contents, { flag: 'wx' }); // 'wx': never over a file that appeared meanwhile
    wrote = true;
    mkdirSync(path.join(scratch, 'home'));
    // A fresh home and config dir: no user or project settings of this machine take part.
    return await exec(CLAUDE_BINARY, ['doctor'], {
      PATH: process.env.PATH,
      NODE_ENV: process.env.NODE_ENV,
      HOME: path.join(scratch, 'home'),
      CLAUDE_CONFIG_DIR: path.join(scratch, 'config'),
      DISABLE_AUTOUPDATER: '1',
      CI: '1',
      TERM: 'dumb',
    });
  } finally {
    if (wrote) rmSync(MANAGED_FILE, { force: true });
    if (createdDir && wrote) rmSync(MANAGED_DIR, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Section headings under which doctor 2.1.332 lists settings problems (seen with bad files). */
const SETTINGS_SECTIONS = ['Invalid settings', 'Permission rules that may not work as written'];

/**
 * The settings problems in a doctor output: every block (blank-line separated) under a settings
 * heading, and any other line naming the managed file or "managed policy settings" (e.g. a file that
 * is not JSON gets one such line, no heading).
 */
export function settingsProblems(output: string): string[] {
  const problems: string[] = [];
  for (const block of output.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    if (SETTINGS_SECTIONS.includes(lines[0]?.trim() ?? '')) problems.push(...lines);
    else problems.push(...lines.filter((line) => line.includes(MANAGED_FILE) || /managed policy settings/i.test(line)));
  }
  return problems;
}

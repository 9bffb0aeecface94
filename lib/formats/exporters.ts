import type { CompleteSettings } from '@/lib/policy/settings';
import type { ExportContext, FormatId } from './catalog';
import { exportClaudeCode } from './claude-code';
import { exportFirewall } from './firewall';
import { exportGeminiCli } from './gemini-cli';
import { exportGitignore } from './gitignore';
import { exportKiroGlobal } from './kiro-global';
import { exportKiroIde } from './kiro-ide';
import { exportKiroMcp } from './kiro-mcp';
import { exportKiroProject } from './kiro-project';

/** The single-file exporters (the bundle is made of these). */
export const FILE_EXPORTERS: Record<Exclude<FormatId, 'bundle'>, (settings: CompleteSettings, context: ExportContext) => string> = {
  'kiro-project': exportKiroProject,
  'kiro-global': exportKiroGlobal,
  'kiro-ide': exportKiroIde,
  'kiro-mcp': exportKiroMcp,
  'gemini-cli': exportGeminiCli,
  'claude-code': exportClaudeCode,
  gitignore: exportGitignore,
  firewall: exportFirewall,
};

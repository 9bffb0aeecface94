import type { CompleteSettings } from '@/lib/policy/settings';
import type { ExportContext, FormatId } from './catalog';
import { exportClaudeCode } from './claude-code';
import { exportFirewall } from './firewall';
import { exportGeminiCli } from './gemini-cli';
import { exportGeminiPolicy } from './gemini-policy';
import { exportGitignore } from './gitignore';
import { exportKiroGlobal } from './kiro-global';
import { exportKiroIde } from './kiro-ide';
import { exportKiroMcp } from './kiro-mcp';
import { exportKiroPermissions } from './kiro-permissions';
import { exportKiroProject } from './kiro-project';

/** The single-file exporters (the bundle is made of these). */
export const FILE_EXPORTERS: Record<Exclude<FormatId, 'bundle'>, (settings: CompleteSettings, context: ExportContext) => string> = {
  'kiro-permissions': exportKiroPermissions,
  'kiro-project': exportKiroProject,
  'kiro-global': exportKiroGlobal,
  'kiro-ide': exportKiroIde,
  'kiro-mcp': exportKiroMcp,
  'gemini-cli': exportGeminiCli,
  'gemini-policy': exportGeminiPolicy,
  'claude-code': exportClaudeCode,
  gitignore: exportGitignore,
  firewall: exportFirewall,
};

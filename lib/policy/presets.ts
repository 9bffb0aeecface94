import type { CompleteSettings } from './settings';

/**
 * The two starting points described in the seed document (shared/seed/security-and-privacy-
 * settings.md): fast autopilot for local development, careful supervision for production.
 */
const SEED_TRUSTED_COMMANDS = [
  'npm test',
  'npm run build',
  'git status',
  'git diff',
  'docker ps',
  'docker-compose up',
  'jest',
  'prettier --write',
];
// The seed's "never add" list, as substrings the agent refuses before it checks trust.
const SEED_DENIED_COMMANDS = ['rm -rf', 'sudo', 'chmod 777', 'eval'];
const SEED_GITIGNORE = ['.env', '.env.local', '.kiro/settings.json', '.kiro/cache/', '*.log'];
/**
 * The seed's three domains, then the endpoints Kiro documents for firewalls and proxies
 * (kiro.dev/docs/privacy-and-security/firewalls: sign-in, the service in both regions, telemetry,
 * downloads, the CLI); without them a strict allowlist blocks sign-in and the agent itself.
 */
const SEED_ALLOWED_DOMAINS = [
  'codewhisperer.us-east-1.amazonaws.com',
  'prod.us-east-1.telemetry.kiro.aws.dev',
  'prod.download.desktop.kiro.dev',
  'app.kiro.dev',
  'assets.app.kiro.dev',
  'prod.us-east-1.auth.desktop.kiro.dev',
  'prod.us-east-1.telemetry.desktop.kiro.dev',
  'q.us-east-1.amazonaws.com',
  'q.eu-central-1.amazonaws.com',
  'runtime.us-east-1.kiro.dev',
  'runtime.eu-central-1.kiro.dev',
  'management.us-east-1.kiro.dev',
  'management.eu-central-1.kiro.dev',
  'telemetry.us-east-1.kiro.dev',
  'telemetry.eu-central-1.kiro.dev',
  'cli.kiro.dev',
  'prod.download.cli.kiro.dev',
  'desktop-release.q.us-east-1.amazonaws.com',
];
const GITHUB_MCP_SERVER = {
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github'],
  env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' },
  disabled: false,
  autoApprove: [],
};

export interface Preset {
  id: 'autopilot-development' | 'supervised-production';
  name: string;
  description: string;
  environment: 'development' | 'production';
  settings: CompleteSettings;
}

export const PRESETS: Preset[] = [
  {
    id: 'autopilot-development',
    name: 'Autopilot (development)',
    description: 'Local development: the agent edits files and runs trusted commands on its own. No sandbox, telemetry off.',
    environment: 'development',
    settings: {
      mode: 'autopilot',
      trustedCommands: SEED_TRUSTED_COMMANDS,
      deniedCommands: SEED_DENIED_COMMANDS,
      telemetry: { enabled: false, usageStatisticsEnabled: false },
      sandbox: false,
      autoAccept: false,
      coreTools: ['all'],
      excludeTools: [],
      mcpServers: { github: GITHUB_MCP_SERVER },
      gitignore: SEED_GITIGNORE,
      network: { allowedDomains: SEED_ALLOWED_DOMAINS },
    },
  },
  {
    id: 'supervised-production',
    name: 'Supervised (production)',
    description: 'Production and important projects: every action is confirmed, commands run in a Docker sandbox, the shell tool is excluded.',
    environment: 'production',
    settings: {
      mode: 'supervised',
      trustedCommands: ['git status', 'git diff'],
      deniedCommands: SEED_DENIED_COMMANDS,
      telemetry: { enabled: false, usageStatisticsEnabled: false },
      sandbox: 'docker',
      autoAccept: false,
      coreTools: ['all'],
      excludeTools: ['run_shell_command'],
      mcpServers: {},
      gitignore: SEED_GITIGNORE,
      network: { allowedDomains: SEED_ALLOWED_DOMAINS },
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportPolicy, type ExportContext } from '@/lib/formats';
import { contexts, documents } from './documents';
import { compileSchema } from './tools';

/**
 * Claude Code's managed settings against the SchemaStore schema Claude Code publishes for its
 * settings files (draft-07, ajv), and Kiro's permissions.yaml against the rule shape Kiro documents
 * (kiro.dev/docs/chat/permissions: capability, match, exclude, effect deny|ask|allow).
 */

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const schemaFile = (name: string): unknown => JSON.parse(readFileSync(path.join(import.meta.dirname, 'schemas', name), 'utf8'));

describe('claude-code managed-settings.json against SchemaStore’s claude-code-settings.json', () => {
  const validate = compileSchema(schemaFile('claude-code-settings.json'), 'draft7');

  it(`validates every export (${documents.length} documents × development and production)`, () => {
    for (const settings of documents) {
      for (const context of contexts) {
        const file: unknown = JSON.parse(decode(exportPolicy('claude-code', settings, context).bytes));
        expect(validate(file), `${JSON.stringify(validate.errors)}\n${JSON.stringify(file)}`).toBe(true);
      }
    }
  });

  it('never writes a rule `claude doctor` calls dead (a * with the :* suffix) or an opt-out set to "0"', () => {
    for (const settings of documents) {
      const text = decode(exportPolicy('claude-code', settings, contexts[0] as ExportContext).bytes);
      expect(text).not.toMatch(/\*[^"]*:\*\)"/);
      expect(text).not.toMatch(/"DISABLE_(TELEMETRY|ERROR_REPORTING)": "0"/);
    }
  });
});

/** Kiro's documented rule shape, as a JSON schema (Kiro publishes none). */
const KIRO_PERMISSIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['capability', 'effect'],
        properties: {
          capability: { enum: ['all', 'shell', 'fs_read', 'fs_write', 'web_fetch', 'web_search', 'mcp'] },
          effect: { enum: ['deny', 'ask', 'allow'] },
          match: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
};

describe('kiro-permissions permissions.yaml against Kiro’s documented rule shape', () => {
  const validate = compileSchema(KIRO_PERMISSIONS_SCHEMA, 'draft7');

  it(`parses as YAML into valid rules (${documents.length} documents)`, () => {
    for (const settings of documents) {
      const text = decode(exportPolicy('kiro-permissions', settings, contexts[0] as ExportContext).bytes);
      const parsed: unknown = parseYaml(text, { strict: true });
      expect(validate(parsed), `${JSON.stringify(validate.errors)}\n${text}`).toBe(true);
    }
  });

  it('turns every denied command into a shell deny rule and never allows what the policy denies', () => {
    for (const settings of documents) {
      const text = decode(exportPolicy('kiro-permissions', settings, contexts[0] as ExportContext).bytes);
      const { rules } = parseYaml(text) as { rules: Array<{ capability: string; effect: string; match?: string[] }> };
      const denyPatterns = rules.filter((rule) => rule.capability === 'shell' && rule.effect === 'deny').flatMap((rule) => rule.match ?? ['*']);
      for (const command of settings.deniedCommands) {
        const core = command.trim().replace(/^[\s*]+/, '').replace(/[\s:*]+$/, '');
        expect(denyPatterns.some((pattern) => pattern === '*' || pattern === `*${core}*`), `${command} in ${text}`).toBe(true);
      }
      // The administration scope takes deny/ask only; this user-scope file may allow, but only shell commands.
      expect(rules.filter((rule) => rule.effect === 'allow').every((rule) => rule.capability === 'shell')).toBe(true);
    }
  });
});

import * as path from 'node:path';
import type { AcceptedEntry, IgnoreEntry, PersistedConfig, SkewConfig } from '../common/source';
import { SkewError } from '../common/errors';
import { ADAPTER_NAMES } from '../adapters/names';
import { CONFIG_FILE_LIMIT, readTextFile, RefusedFile, withoutBom } from '../common/safe-read';

export const CONFIG_FILE = 'skew.json';

export interface LoadedConfig {
  config: SkewConfig;
  /** The file's text, part of the baseline cache key; undefined when there is no skew.json. */
  raw: string | undefined;
}

const KEYS = ['baseline', 'messages', 'services', 'ignore', 'persisted', 'accepted', 'adapters'];

/** Reads skew.json at the project root; a missing file is an empty config, a malformed one an error. */
export function loadConfig(root: string): LoadedConfig {
  const file = path.join(root, CONFIG_FILE);
  let raw: string | undefined;
  try {
    raw = readTextFile(file, CONFIG_FILE_LIMIT);
  } catch (e) {
    if (e instanceof RefusedFile) throw new SkewError('bad-config', `${e.message} (make ${CONFIG_FILE} a regular JSON file)`);
    throw new SkewError('bad-config', `cannot read ${file}: ${(e as Error).message}`);
  }
  if (raw === undefined) return { config: {}, raw: undefined };
  return { config: parseConfig(raw, file), raw };
}

export function parseConfig(raw: string, file = CONFIG_FILE): SkewConfig {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(raw));
  } catch (e) {
    throw new SkewError('bad-config', `${file} is not valid JSON (${(e as Error).message}): fix the syntax`);
  }
  const fail = (what: string): never => {
    throw new SkewError('bad-config', `${file}: ${what}`);
  };
  if (!isObject(data)) return fail('expected an object like { "messages": ["src/messages/**/*.ts"] }');
  const config: SkewConfig = {};
  for (const key of Object.keys(data)) {
    if (key === '$schema') continue;
    if (!KEYS.includes(key)) fail(`unknown key "${key}" (allowed: ${KEYS.join(', ')})`);
  }
  if ('baseline' in data) {
    const b = data.baseline;
    if (Array.isArray(b)) {
      if (!b.length || !b.every((r) => typeof r === 'string' && r.trim())) fail('"baseline" must be a ref or a non-empty list of refs and tag globs, e.g. ["deployed", "deploy/*"]');
      config.baseline = (b as string[]).map((r) => r.trim());
    } else {
      if (typeof b !== 'string' || !b.trim()) fail('"baseline" must be a non-empty string (a tag, branch or commit) or a list of them');
      config.baseline = (b as string).trim();
    }
  }
  for (const key of ['messages', 'services'] as const) {
    if (!(key in data)) continue;
    const value = data[key];
    if (!Array.isArray(value) || !value.every((g) => typeof g === 'string' && g.length > 0)) {
      fail(`"${key}" must be an array of glob strings, e.g. ["src/${key}/**/*.ts"]`);
    }
    config[key] = value as string[];
  }
  if ('ignore' in data) config.ignore = parseIgnore(data.ignore, fail);
  if ('persisted' in data) config.persisted = parsePersisted(data.persisted, fail);
  if ('accepted' in data) config.accepted = parseAccepted(data.accepted, fail);
  if ('adapters' in data) config.adapters = parseAdapters(data.adapters, fail);
  return config;
}

/** `baseline` as a list: the live window's refs and tag globs. */
export const baselineList = (config: SkewConfig): string[] | undefined =>
  config.baseline === undefined ? undefined : Array.isArray(config.baseline) ? config.baseline : [config.baseline];

function parsePersisted(value: unknown, fail: (what: string) => never): PersistedConfig {
  const example = '{ "messages": ["Order*"], "since": "v1.0.0" }';
  if (!isObject(value)) return fail(`"persisted" must be an object like ${example}`);
  for (const k of Object.keys(value)) if (k !== 'messages' && k !== 'since') fail(`unknown key "persisted.${k}" (allowed: messages, since)`);
  const { messages, since } = value;
  // Left out, only what adapters know to be persisted (queued jobs, workflow histories) is; listed, it must name something.
  if (messages !== undefined && (!Array.isArray(messages) || !messages.length || !messages.every((g) => typeof g === 'string' && g.length > 0))) {
    fail(`"persisted.messages" must be a non-empty array of globs (contract names or files), e.g. ${example}`);
  }
  if (typeof since !== 'string' || !since.trim()) fail('"persisted.since" must be a ref or tag glob: the oldest version whose data may still be read');
  return { messages: (messages as string[] | undefined) ?? [], since: (since).trim() };
}

function parseAccepted(value: unknown, fail: (what: string) => never): AcceptedEntry[] {
  if (!Array.isArray(value)) return fail('"accepted" must be an array of { "fingerprint", "reason" } objects (write it with skew accept)');
  return value.map((entry, i) => {
    if (!isObject(entry)) return fail(`"accepted[${i}]" must be an object with "fingerprint" and "reason"`);
    for (const [k, v] of Object.entries(entry)) {
      if (!['fingerprint', 'path', 'rule', 'reason', 'until'].includes(k)) fail(`unknown key "accepted[${i}].${k}" (allowed: fingerprint, path, rule, reason, until)`);
      if (typeof v !== 'string') fail(`"accepted[${i}].${k}" must be a string`);
    }
    if (!entry.fingerprint) fail(`"accepted[${i}]" needs a "fingerprint" (skew check prints it for every finding)`);
    if (typeof entry.reason !== 'string' || !entry.reason.trim()) fail(`"accepted[${i}]" needs a "reason": why shipping this break is fine`);
    return entry as unknown as AcceptedEntry;
  });
}

function parseAdapters(value: unknown, fail: (what: string) => never): Record<string, boolean> {
  const example = `e.g. { "${ADAPTER_NAMES[0]}": false }`;
  if (!isObject(value)) return fail(`"adapters" must be an object of adapter names and booleans, ${example}`);
  for (const [name, on] of Object.entries(value)) {
    if (!(ADAPTER_NAMES as readonly string[]).includes(name)) fail(`unknown adapter "adapters.${name}" (known: ${ADAPTER_NAMES.join(', ')})`);
    if (typeof on !== 'boolean') fail(`"adapters.${name}" must be true or false, ${example}`);
  }
  return value as Record<string, boolean>;
}

function parseIgnore(value: unknown, fail: (what: string) => never): IgnoreEntry[] {
  if (!Array.isArray(value)) return fail('"ignore" must be an array of rule ids, path globs or { "rule", "path", "reason" } objects');
  return value.map((entry, i) => {
    if (typeof entry === 'string' && entry) return entry;
    if (!isObject(entry)) return fail(`"ignore[${i}]" must be a string or an object with "rule", "path" and "reason"`);
    for (const [k, v] of Object.entries(entry)) {
      if (!['rule', 'path', 'reason'].includes(k)) fail(`unknown key "ignore[${i}].${k}" (allowed: rule, path, reason)`);
      if (typeof v !== 'string') fail(`"ignore[${i}].${k}" must be a string`);
    }
    if (entry.rule === undefined && entry.path === undefined) fail(`"ignore[${i}]" needs a "rule" or a "path"`);
    return entry;
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

import { ts } from '@ts-morph/common';

/** A JSON file that may have comments and trailing commas, as tsconfig.json may; undefined when it does not parse. */
export function readJsonWithComments(fileName: string, text: string): unknown {
  const parsed = ts.parseConfigFileTextToJson(fileName, text) as { config?: unknown; error?: unknown };
  return parsed.error ? undefined : parsed.config;
}

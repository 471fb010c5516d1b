import Ajv from 'ajv';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';

/** The official SARIF 2.1.0 schema (draft-04), compiled once with ajv. */
export function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // ajv 8 speaks draft-07: the draft-04 markers go, the definitions are the same. The schema's `language`
  // pattern is not valid with the `u` flag, hence unicodeRegExp: false.
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

export function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const validate = sarifValidator();
  assert.ok(validate(log), `not valid SARIF 2.1.0: ${JSON.stringify(validate.errors, null, 2)}`);
  return log;
}


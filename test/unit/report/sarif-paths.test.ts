import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../../../server/src/report/report-model';
import { formatSarif } from '../../../server/src/report/sarif';
import { assertValidSarif } from './sarif-schema';
import { checkOf } from './sample';

/** The artifact URI of the one finding in `file`, after a required field was added there. */
function uriOf(file: string, repoPrefix = ''): string {
  const before = { [file]: '/** @wire */\nexport interface M {\n  id: string;\n}\n' };
  const after = { [file]: '/** @wire */\nexport interface M {\n  id: string;\n  added: string;\n}\n' };
  const report = buildReport({ ...checkOf(before, after), workingTree: { repoPrefix } });
  const log = assertValidSarif(formatSarif(report));
  return log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri!;
}

/** What a SARIF consumer does with a relative reference: resolve it against the source root. */
const resolved = (uri: string) => decodeURIComponent(new URL(uri, 'file:///src-root/').pathname);

describe('SARIF artifact URIs', () => {
  it('are relative references that %-encode spaces and keep the folders', () => {
    assert.equal(uriOf('my src/a b.ts', 'sub dir/'), 'sub%20dir/my%20src/a%20b.ts');
  });

  it('encode characters a URI would read as a query, a fragment or a scheme', () => {
    for (const file of ['src/a#b.ts', 'src/what?.ts', 'c:d.ts', 'src/100%.ts']) {
      const uri = uriOf(file);
      assert.doesNotMatch(uri, /[#?]/, uri);
      assert.equal(resolved(uri), `/src-root/${file}`, uri);
    }
  });
});

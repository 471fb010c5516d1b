import { fixesFor } from '../../../server/src/fixes';
import { fixtureNames } from '../rules/fixture-loader';
import { applyFixEdits, fixturePair, restyle } from './fix-harness';

const style = process.argv[2] === 'r' ? restyle : undefined;
for (const name of fixtureNames()) {
  const pair = fixturePair(name, style);
  for (const f of pair.comparison.findings) {
    const { fixes, unavailable } = fixesFor(f, pair.input);
    for (const u of unavailable) console.log(`## ${f.rule} ${f.path}: UNAVAILABLE ${u.title}: ${u.reason}`);
    for (const fix of fixes) {
      if (fix.snippet && process.argv[3] !== 's') continue;
      console.log(`## ${f.rule} ${f.path}: ${fix.title} safe=${fix.safe}`);
      const after = applyFixEdits(pair.new, fix.edits, fix.snippet);
      for (const file of new Set(fix.edits.map((e) => e.file))) console.log(`--- ${file}\n${after[file]}`);
    }
  }
}

// `npm run new-rule -- <rule-id>`: the files a new rule needs, registered where the compiler and the meta-test
// look. The fixture's expected.json starts empty, so `npm test` fails until the fixture shows the change and the
// rule reports it: write the failing fixture first (CONTRIBUTING.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { root: { type: 'string', default: '.' } }, allowPositionals: true });
const root = path.resolve(values.root);
const id = positionals[0] ?? '';

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

if (positionals.length !== 1) fail('usage: npm run new-rule -- <rule-id>   (kebab-case, e.g. field-default-changed)');
if (!/^[a-z]+(-[a-z]+)*$/.test(id)) fail(`"${id}" is not a kebab-case rule id (lower-case words joined by "-")`);

const at = (...parts) => path.join(root, ...parts);
const ruleFile = at('server/src/rules', `${id}.ts`);
const docFile = at('docs/rules', `${id}.md`);
const fixtureDir = at('test/fixtures', id);
for (const existing of [ruleFile, docFile, fixtureDir]) {
  if (fs.existsSync(existing)) fail(`${path.relative(root, existing)} already exists: rule ids are unique`);
}
const indexFile = at('server/src/rules/index.ts');
const docsIndex = at('docs/rules/README.md');
for (const needed of [indexFile, docsIndex]) if (!fs.existsSync(needed)) fail(`${path.relative(root, needed)} not found: run this from the repository root`);

const camel = id.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

// Everything is computed first and written last, so a failure leaves the tree as it was.
const index = fs.readFileSync(indexFile, 'utf8');
const lastImport = [...index.matchAll(/^import \w+ from '\.\/[a-z-]+';\n/gm)].at(-1);
const listEnd = index.indexOf('] as const');
if (!lastImport || listEnd < 0) fail('server/src/rules/index.ts does not have the expected shape (imports, then `rules = [...] as const`)');
const importAt = lastImport.index + lastImport[0].length;
let newIndex = index.slice(0, listEnd) + `  ${camel},\n` + index.slice(listEnd);
newIndex = newIndex.slice(0, importAt) + `import ${camel} from './${id}';\n` + newIndex.slice(importAt);

const docs = fs.readFileSync(docsIndex, 'utf8');
const rows = [...docs.matchAll(/^\| \[[a-z-]+\]\([a-z-]+\.md\) \|.*\n/gm)];
if (rows.length === 0) fail('docs/rules/README.md has no rule table to add a row to');
const rowEnd = rows.at(-1).index + rows.at(-1)[0].length;
const newDocs = docs.slice(0, rowEnd) + `| [${id}](${id}.md) | error | (directions) | (safe order) |\n` + docs.slice(rowEnd);

const files = new Map([
  [
    ruleFile,
    `import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: '${id}',
    description: 'One line: what changed, in words a reviewer would use.',
    severity: 'error',
    // Quick fixes that make the change compatible (FixKind in engine/rule.ts); the suppression is always offered.
    fixes: [],
  },
  // Pick the hook for what the rule looks at (contract, field, enumMember, variant, value, method, param): the
  // walk hands it matched (old, new) pairs, one side missing when something was added or removed.
  field(pair, ctx) {
    if (!pair.old || !pair.new) return;
    // ctx.report({ oldToNew, newToOld, message }) when a value one version writes cannot be read by the other.
  },
});
`,
  ],
  [
    docFile,
    `# ${id}

Severity: error · Breaks: (directions) · Safe order: (order)

## What
What changed between the baseline and the working tree.

## Why it breaks
Which version writes what, which version cannot read it, and so which direction breaks.

## Example
\`\`\`ts
// baseline

// working tree
\`\`\`

## How to fix
The compatible change, or the expand/contract releases when no upgrade order is safe.

## Related rules
Rules that report nearby changes, and how this one differs.
`,
  ],
  [path.join(fixtureDir, 'old', 'messages.ts'), '/** @wire */\nexport interface Example {\n  id: string;\n}\n'],
  [path.join(fixtureDir, 'new', 'messages.ts'), '/** @wire */\nexport interface Example {\n  id: string;\n}\n'],
  [path.join(fixtureDir, 'expected.json'), '[]\n'],
  [indexFile, newIndex],
  [docsIndex, newDocs],
]);
for (const [file, text] of files) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
process.stdout.write(
  [
    `Created the rule ${id}:`,
    ...[ruleFile, docFile, fixtureDir].map((f) => `  ${path.relative(root, f)}`),
    'and registered it in server/src/rules/index.ts and docs/rules/README.md.',
    `Next: make test/fixtures/${id}/new show the change, list the findings you expect in expected.json, watch`,
    '`npm test` fail, then write the rule until it passes (CONTRIBUTING.md).',
    '',
  ].join('\n'),
);

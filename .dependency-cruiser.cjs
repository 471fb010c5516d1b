// The layers of docs/architecture.md, checked by `npm run deps` (part of `npm test`). A folder may import only
// the folders listed for it; everything else, and any cycle, fails the check. Type-only imports count too: a
// lower layer that names a higher one's types is already coupled to it.
const SRC = '^server/src/';

/** folder -> the folders it may import (besides itself). */
const LAYERS = {
  common: [],
  shared: [],
  engine: ['common'],
  rules: ['engine', 'common'],
  witness: ['engine', 'rules', 'common'],
  contracts: ['engine', 'common'],
  adapters: ['contracts', 'engine', 'common'],
  baseline: ['common'],
  cache: ['common'],
  fixes: ['contracts', 'engine', 'rules', 'common'],
  report: ['engine', 'rules', 'witness', 'baseline', 'common'],
  project: ['adapters', 'baseline', 'cache', 'contracts', 'engine', 'rules', 'witness', 'fixes', 'report', 'common'],
  lsp: ['project', 'report', 'fixes', 'adapters', 'baseline', 'cache', 'contracts', 'engine', 'rules', 'witness', 'common', 'shared'],
  vendor: [],
};

/**
 * folder -> folders it may name types from, beyond LAYERS. The custom LSP messages in shared/ carry the
 * report's JSON model to the client; its types are declared once, where the report is built.
 */
const TYPES_FROM = {
  shared: ['report'],
};

const folderRules = Object.entries(LAYERS).flatMap(([folder, allowed]) => {
  const typesFrom = TYPES_FROM[folder] ?? [];
  const rule = (name, comment, extra, to) => ({ name, comment, severity: 'error', from: { path: `${SRC}${folder}/` }, to: { ...to, ...extra } });
  const others = (names) => ({ path: '^(server|client)/src/', pathNot: `${SRC}(${[folder, ...names].join('|')})/` });
  if (typesFrom.length === 0) {
    return [rule(`layer-${folder}`, `server/src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'nothing of ours'}`, {}, others(allowed))];
  }
  return [
    rule(`layer-${folder}`, `server/src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'nothing of ours'} at run time`, { dependencyTypesNot: ['type-only'] }, others(allowed)),
    rule(`layer-${folder}-types`, `server/src/${folder} may name types from ${typesFrom.join(', ')} as well`, {}, others([...allowed, ...typesFrom])),
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules must not depend on each other in a cycle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...folderRules,
    {
      name: 'server-folders-only',
      comment: 'Every server module lives in one of the layers (or is an entry point at server/src/*.ts).',
      severity: 'error',
      from: { path: SRC, pathNot: [`${SRC}(${Object.keys(LAYERS).join('|')})/`, `${SRC}[^/]+\\.ts$`] },
      to: {},
    },
    {
      name: 'entry-points-are-roots',
      comment: 'Nothing imports an entry point (server/src/*.ts): they only wire the layers together.',
      severity: 'error',
      from: { path: '^(server|client)/src/' },
      to: { path: `${SRC}[^/]+\\.ts$` },
    },
    {
      name: 'client-sees-only-shared',
      comment: 'The client knows nothing of TypeScript analysis: it imports only server/src/shared.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { path: '^server/src/', pathNot: `${SRC}shared/` },
    },
    {
      name: 'no-vscode-in-server',
      comment: 'The engine and the server run without VS Code.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^vscode$', dependencyTypes: ['core', 'npm', 'unknown', 'undetermined'] },
    },
    {
      name: 'engine-is-pure',
      comment: 'Rules, the engine and the witness are pure: no LSP, no file system, no processes.',
      severity: 'error',
      from: { path: `${SRC}(engine|rules|witness)/` },
      to: { path: '^(vscode-languageserver|vscode-jsonrpc|node:(fs|child_process|net|http|https)|fs|child_process)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|out|test/fixtures|examples)/' },
  },
};

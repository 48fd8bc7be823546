/**
 * Dependencies point one way: each layer imports only the layers below it,
 * and no module imports itself through others (no cycle). `npm test` runs
 *
 *     depcruise generator --config .dependency-cruiser.cjs
 *
 * and fails on any violation; test/tools/dependency-check.test.ts proves it
 * can fail. Type-only imports count: a type from a higher layer ties the
 * layers together as much as a value does.
 *
 * The layers of generator/, lowest first (a layer may import any layer
 * listed before it, none after it; modules of one layer may import each
 * other):
 *
 *  1. base       diagnostics/ (the diagnostic shape, the rule shape, the
 *                reporters), multimap.ts, did-you-mean.ts, package-root.ts,
 *                stage-timer.ts, code-cache.ts
 *  2. json       json/ (JSON files with positions, JSON Schema validation),
 *                output/ (atomic writes, --check, the output lock): what
 *                every stage reads and writes files with
 *  3. config     config/
 *  4. catalog    catalog/ (load layers, merge, ICU, validate)
 *  5. emit       emit/ (the target contract, templates, escapers, naming)
 *  6. review     review/ (translation QA: checks, findings, report pages)
 *  7. targets    targets/ (one module per output format, the catalog
 *                snapshot that `codebook diff` compares)
 *  8. services   import/ (reading translated and vendor files back; it
 *                shares the targets' formats), cache/ (incremental runs)
 *  9. pipeline   pipeline.ts, the only sequencer
 * 10. commands   diff/ (reads sides through the pipeline), watch/,
 *                status/, init/, progress/, import-command.ts: what one
 *                command does beyond the pipeline; only the CLI uses them
 * 11. catalogue  rules.ts: the rule catalogue, assembled from every stage's
 *                table
 * 12. entry      cli.ts, cli/, index.ts (the library's entry), precompile.ts
 *                and record-code-cache.ts (build steps)
 */
const LAYERS = [
  ['base', ['^generator/diagnostics/', '^generator/(multimap|did-you-mean|package-root|stage-timer|code-cache)[.]ts$']],
  ['json', ['^generator/json/', '^generator/output/']],
  ['config', ['^generator/config/']],
  ['catalog', ['^generator/catalog/']],
  ['emit', ['^generator/emit/']],
  ['review', ['^generator/review/']],
  ['targets', ['^generator/targets/']],
  ['services', ['^generator/import/', '^generator/cache/']],
  ['pipeline', ['^generator/pipeline[.]ts$']],
  ['commands', ['^generator/(diff|watch|status|init|progress)/', '^generator/import-command[.]ts$']],
  ['catalogue', ['^generator/rules[.]ts$']],
  ['entry', ['^generator/cli[.]ts$', '^generator/cli/', '^generator/index[.]ts$', '^generator/(precompile|record-code-cache)[.]ts$']],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-upward`,
  severity: 'error',
  comment: `${name} may import only ${
    LAYERS.slice(0, i)
      .map(([n]) => n)
      .join(', ') || 'no other layer'
  } (see the layer list in .dependency-cruiser.cjs)`,
  from: { path },
  to: { path: LAYERS.slice(i + 1).flatMap(([, p]) => p) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module that imports itself through others: no stage can be moved or tested alone.',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'not-in-a-layer',
      severity: 'error',
      comment: 'Every module of generator/ belongs to a layer: add a new folder or file to LAYERS.',
      from: { path: '^generator/', pathNot: LAYERS.flatMap(([, p]) => p) },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.build.json') },
  },
};

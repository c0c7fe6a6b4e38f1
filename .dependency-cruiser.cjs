/**
 * The architecture's import rules, checked by `npm run depcheck` (part of
 * `npm test`). docs/architecture.md explains each of them.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Imports flow one way. A cycle means two modules are one module, or share a third that should be its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-pure',
      severity: 'error',
      comment:
        'src/lib is the pure core (runs and is tested in Node): it imports only src/lib and the few pure packages it uses (zod, supercluster, d3-dsv), never React, Leaflet, the store or the UI.',
      from: { path: '^src/lib/' },
      to: {
        pathNot: [
          '^src/lib/',
          '^node_modules/(zod|supercluster|d3-dsv|@types/geojson|@types/supercluster|@types/d3-dsv)/',
        ],
      },
    },
    {
      name: 'only-map-imports-leaflet',
      severity: 'error',
      comment:
        'Only src/map/ imports leaflet, react-leaflet and @react-leaflet/*: the rest of the app drives the map through the store. ' +
        '(scripts/bench-peer/ is not the app: it is the bare react-leaflet page npm run bench compares it with.)',
      from: { pathNot: '^(src/map|scripts/bench-peer)/' },
      to: { path: '^node_modules/(leaflet|react-leaflet|@react-leaflet/[^/]+|@types/leaflet)/' },
    },
    {
      name: 'tooling-never-imports-tests',
      severity: 'error',
      comment: "scripts/ and build/ are the product's tooling; tests depend on them, never the other way round.",
      from: { path: '^(scripts|build)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-barrel-files',
      severity: 'error',
      comment:
        'No index modules: import each module by its own name, so a reader (and tree-shaking) sees where code lives.',
      from: { pathNot: '^node_modules/' },
      to: { path: '(^|/)index\\.[cm]?[jt]sx?$', pathNot: '^node_modules/' },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(dist|coverage|test-results|playwright-report|tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

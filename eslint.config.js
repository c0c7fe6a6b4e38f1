import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtmlStrings = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Text from data must stay React text: dangerouslySetInnerHTML is not allowed.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Do not write HTML strings into the DOM.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(bindPopup|bindTooltip|setContent|setPopupContent|setTooltipContent|addAttribution|setPrefix)$/]',
    message: 'Leaflet inserts strings as HTML: render popup, tooltip and attribution content with React instead.',
  },
  {
    selector: "CallExpression[callee.name='divIcon'] Property[key.name='html']",
    message: 'divIcon html is inserted as HTML: style an empty icon with CSS instead.',
  },
];

// Only the browser-address module reads or writes the address and the history.
const browserAddressModule = 'src/state/url-sync.ts';
const addressGlobals = ['location', 'history'].map((name) => ({
  name,
  message: `Only ${browserAddressModule} touches the address and the history; build addresses with src/lib/address.ts.`,
}));
const addressProperties = ['window', 'document', 'globalThis', 'self']
  .flatMap((object) => ['location', 'history'].map((property) => ({ object, property })))
  .filter(({ object, property }) => !(object === 'document' && property === 'history'))
  .map((entry) => ({ ...entry, message: addressGlobals[0].message }));

// Only the loaders fetch: the rally data and the basemap, each with its failure handling.
const dataLoaders = [
  'src/state/load-rallies.ts',
  'src/state/load-basemap.ts',
  'src/state/rally-worker.ts',
  'src/state/stale-chunk-reload.ts',
];
const fetchMessage = `Only the loaders (${dataLoaders.join(', ')}) call fetch.`;
const fetchGlobals = [{ name: 'fetch', message: fetchMessage }];
const fetchProperties = ['window', 'globalThis', 'self'].map((object) => ({
  object,
  property: 'fetch',
  message: fetchMessage,
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'screenshots/',
      'tmp/',
      'public/assets/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlStrings],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['leaflet', 'leaflet/*', 'react-leaflet', '@react-leaflet/*'],
              message: 'Only src/map/ imports Leaflet.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/map/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...addressGlobals, ...fetchGlobals],
      'no-restricted-properties': ['error', ...addressProperties, ...fetchProperties],
    },
  },
  {
    files: [browserAddressModule],
    rules: {
      'no-restricted-globals': ['error', ...fetchGlobals],
      'no-restricted-properties': ['error', ...fetchProperties],
    },
  },
  {
    files: dataLoaders,
    rules: {
      'no-restricted-globals': ['error', ...addressGlobals],
      'no-restricted-properties': ['error', ...addressProperties],
    },
  },
  {
    // The service worker is a program of its own, not part of the page: it answers the page's requests.
    files: ['src/service-worker/**/*.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    // The pure core: no React, Leaflet, DOM or window, so it runs and is tested in Node.
    files: ['src/lib/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react-dom/*',
                'leaflet',
                'leaflet/*',
                'react-leaflet',
                'zustand',
                'zustand/*',
                '../state/*',
                '../map/*',
                '../panel/*',
              ],
              message: 'src/lib is pure: no React, Leaflet, state or UI imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'location',
        'history',
        'navigator',
        'localStorage',
        'fetch',
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

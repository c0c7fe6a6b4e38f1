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

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'screenshots/', 'tmp/'] },
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
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);

// One jest configuration for every package: TypeScript through swc (no type check
// in tests; `npm run lint` type-checks), and optionally a throwaway PostgreSQL.
const path = require('node:path');

/**
 * `esmPackages`: dependencies that ship ESM only (e.g. jose). Node 20 requires them
 * natively, jest's module loader does not, so jest compiles them to CommonJS with the
 * same swc transform as the sources.
 * @param {{ postgres?: boolean, testTimeout?: number, esmPackages?: string[] }} [options]
 */
module.exports = function jestConfig(options = {}) {
  const esm = options.esmPackages ?? [];
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>/src'],
    testMatch: ['**/*.test.ts'],
    transform: {
      '^.+\\.ts$': ['@swc/jest', {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs', ignoreDynamic: true },
        sourceMaps: 'inline',
      }],
      ...(esm.length > 0 ? { [`/node_modules/(${esm.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }] } : {}),
    },
    ...(esm.length > 0 ? { transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`] } : {}),
    // Sources import siblings as `./x.js` (Node ESM resolution rules); jest sees the .ts.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testTimeout: options.testTimeout ?? 30000,
    ...(options.postgres
      ? {
          globalSetup: path.join(__dirname, 'postgresGlobalSetup.mjs'),
          globalTeardown: path.join(__dirname, 'postgresGlobalTeardown.mjs'),
        }
      : {}),
  };
};

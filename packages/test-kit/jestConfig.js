// One jest configuration for every package: TypeScript through swc (no type check
// in tests; `npm run lint` type-checks), and optionally a throwaway PostgreSQL.
const path = require('node:path');

/** @param {{ postgres?: boolean, testTimeout?: number }} [options] */
module.exports = function jestConfig(options = {}) {
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
    },
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

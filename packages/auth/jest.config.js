const base = require('@medfri/test-kit')();

// jose ships ESM only: Node 20 requires it natively, jest's module loader does not, so jest
// compiles it to CommonJS with the same swc transform as the sources.
module.exports = {
  ...base,
  transform: {
    ...base.transform,
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};

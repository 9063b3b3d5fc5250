import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation under src/, from the committed schema. `pnpm codegen` rewrites
 * src/graphql/generated/; `pnpm check:codegen` fails when it is out of date.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  // Import paths end in .js, as NodeNext resolution wants.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
      },
    },
  },
};

export default config;

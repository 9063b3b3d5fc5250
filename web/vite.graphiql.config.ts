import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * GraphiQL, the IDE served at GET /graphql to browsers, built apart from the board (after it,
 * into dist/graphiql): a separate build shares no chunk with the board, so the editor's weight
 * never reaches the board's pages.
 */
export default defineConfig({
  plugins: [react()],
  base: '/graphiql/',
  build: {
    outDir: 'dist/graphiql',
    emptyOutDir: true,
    rollupOptions: { input: 'graphiql.html' },
  },
  worker: { format: 'es' },
});

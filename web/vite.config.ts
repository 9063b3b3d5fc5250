import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API server in development; `pnpm dev` at the root starts it on this port. */
const API_ORIGIN = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      // One path for HTTP and the graphql-ws WebSocket, as in production.
      '/graphql': { target: API_ORIGIN, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});

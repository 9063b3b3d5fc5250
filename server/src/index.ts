import { serve } from './serve.js';

/** Production entry: `pnpm start`. Never seeds anything. */
await serve((app) => {
  console.log(`Bridgeboard is running at ${app.url} (GraphQL and WebSocket at ${app.url}/graphql)`);
});

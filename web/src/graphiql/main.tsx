import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { readStoredToken, bearer } from '../app/session.js';
import { bridgeboardFetcher } from './fetcher.js';

// Signed in on the board in this browser: start with that session's header (never persisted by
// GraphiQL); otherwise a template to paste an API token into.
const token = readStoredToken();
const headers = JSON.stringify({ Authorization: token ? bearer(token) : 'Bearer ' }, null, 2);

const DEFAULT_QUERY = `# Bridgeboard's GraphQL API. Put a token in Headers below to act as a member or a tool.
# Subscriptions run over the WebSocket at the same path (graphql-ws).
query Neighborhoods {
  neighborhoods {
    id
    name
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={bridgeboardFetcher(new URL(window.location.href))}
      defaultQuery={DEFAULT_QUERY}
      initialHeaders={headers}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);

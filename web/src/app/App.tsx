import { useCallback, useEffect, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { AppNav } from './AppNav.js';
import { AppRoutes } from './AppRoutes.js';
import { SignedInAs } from '../features/session/components/SignedInAs.js';
import { SignInForm } from '../features/session/components/SignInForm.js';
import { createApolloSession, type ApolloSession } from './apollo.js';
import { ConnectionContext, ConnectionMonitor } from './connection.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { readStoredToken, storeToken } from './session.js';

interface Session {
  /** Distinguishes sessions, so the tree under the provider remounts on a new one. */
  id: number;
  /** The token this session was built with: what the header shows must match the client. */
  token: string | null;
  apollo: ApolloSession;
  monitor: ConnectionMonitor;
}

let sessionCount = 0;

/**
 * The shell: owns the token, builds one Apollo session per token (see createApolloSession) and
 * lays out the header and the board.
 */
export function App() {
  const [token, setToken] = useState<string | null>(readStoredToken);
  const [notice, setNotice] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(null);

  const signIn = useCallback((next: string) => {
    storeToken(next);
    setNotice(null);
    setToken(next);
  }, []);

  const signOut = useCallback((reason: string | null) => {
    storeToken(null);
    setNotice(reason);
    setToken(null);
  }, []);

  useEffect(() => {
    const monitor = new ConnectionMonitor();
    const apollo = createApolloSession({
      token,
      monitor,
      onTokenRejected: () => signOut('Your session has ended. Please sign in again.'),
    });
    const followBrowser = () => monitor.setBrowserOnline(navigator.onLine);
    followBrowser();
    window.addEventListener('online', followBrowser);
    window.addEventListener('offline', followBrowser);
    setSession({ id: ++sessionCount, token, apollo, monitor });
    return () => {
      window.removeEventListener('online', followBrowser);
      window.removeEventListener('offline', followBrowser);
      apollo.dispose();
    };
  }, [token, signOut]);

  if (!session) return null;

  return (
    <BrowserRouter>
      <ConnectionContext.Provider value={session.monitor}>
        <ApolloProvider client={session.apollo.client} key={session.id}>
          <div className="app">
            <header className="app-header">
              <div className="app-header__brand">
                <h1>Bridgeboard</h1>
                <ConnectionIndicator />
              </div>
              {session.token ? <SignedInAs onSignOut={() => signOut(null)} /> : <SignInForm onSignedIn={signIn} />}
            </header>
            {notice && (
              <p className="notice" role="status">
                {notice}
              </p>
            )}
            <AppNav signedIn={Boolean(session.token)} />
            <main className="app-main">
              <AppRoutes signedIn={Boolean(session.token)} />
            </main>
          </div>
        </ApolloProvider>
      </ConnectionContext.Provider>
    </BrowserRouter>
  );
}

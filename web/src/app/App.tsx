import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { Landing } from './Landing.js';
import { AppBrand } from './AppBrand.js';
import { AppNav } from './AppNav.js';
import { AppRoutes } from './AppRoutes.js';
import { SignedInAs } from '../features/session/components/SignedInAs.js';
import { SignInForm } from '../features/session/components/SignInForm.js';
import { PartnershipProvider } from '../features/partnership/components/PartnershipProvider.js';
import { createApolloSession, type ApolloSession } from './apollo.js';
import { ConnectionContext, ConnectionMonitor } from './connection.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { readStoredToken, storeToken } from './session.js';
import { SessionContext, type SessionControls } from './sessionContext.js';

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
  // Where a sign-in from a link page (setup, invitation, password) goes once its session is ready.
  const [landing, setLanding] = useState<string | null>(null);

  const signIn = useCallback((next: string, to?: string) => {
    storeToken(next);
    setNotice(null);
    setLanding(to ?? null);
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

  const controls = useMemo<SessionControls>(() => ({ signedIn: Boolean(session?.token), signIn }), [session, signIn]);

  if (!session) return null;
  // Between a sign-in and the new session, the old (signed-out) session must not render the page
  // the member is being sent to: its route guards would send them away from it.
  const switching = session.token !== token;
  const loading = (
    <p className="page-loading" role="status">
      Loading…
    </p>
  );

  return (
    <BrowserRouter>
      <ConnectionContext.Provider value={session.monitor}>
        <ApolloProvider client={session.apollo.client} key={session.id}>
          <PartnershipProvider fallback={loading}>
            <SessionContext.Provider value={controls}>
              <div className="app">
                <header className="app-header">
                  <div className="app-header__brand">
                    <AppBrand />
                    <ConnectionIndicator />
                  </div>
                  {session.token ? (
                    <SignedInAs onSignOut={() => signOut(null)} />
                  ) : (
                    <SignInForm onSignedIn={(next) => signIn(next)} />
                  )}
                </header>
                {notice && (
                  <p className="notice" role="status">
                    {notice}
                  </p>
                )}
                <AppNav signedIn={Boolean(session.token)} />
                <main className="app-main">
                  {switching ? (
                    loading
                  ) : landing ? (
                    <Landing to={landing} onLanded={() => setLanding(null)} />
                  ) : (
                    <AppRoutes signedIn={Boolean(session.token)} />
                  )}
                </main>
              </div>
            </SessionContext.Provider>
          </PartnershipProvider>
        </ApolloProvider>
      </ConnectionContext.Provider>
    </BrowserRouter>
  );
}

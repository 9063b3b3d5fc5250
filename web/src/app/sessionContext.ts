import { createContext, useContext } from 'react';

/** What pages may do with the shell's session. */
export interface SessionControls {
  /** Whether a member is signed in. */
  signedIn: boolean;
  /**
   * Signs in with a token from `login`, `completeSetup`, `acceptInvitation` or `resetPassword`:
   * the shell stores it and builds a new Apollo session. Navigate first, then call this: the
   * pages wait for the new session before they render, so the signed-in page appears directly.
   */
  signIn: (token: string) => void;
}

export const SessionContext = createContext<SessionControls>({
  signedIn: false,
  signIn: () => {
    throw new Error('signIn needs the shell (App) around the page');
  },
});

/** The shell's session controls (see SessionControls). */
export function useSession(): SessionControls {
  return useContext(SessionContext);
}

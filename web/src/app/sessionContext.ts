import { createContext, useContext } from 'react';

/** What pages may do with the shell's session. */
export interface SessionControls {
  /** Whether a member is signed in. */
  signedIn: boolean;
  /**
   * Signs in with a token from `login`, `completeSetup`, `acceptInvitation` or `resetPassword`:
   * the shell stores it, builds a new Apollo session and, when given `landing`, opens that page
   * once the new session is in place (so the signed-out session's route guards never see it).
   */
  signIn: (token: string, landing?: string) => void;
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

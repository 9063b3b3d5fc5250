// Where the board keeps the member's token between visits. The key is shared with tests and
// other tools that open the board signed in, so it is part of the contract.
export const TOKEN_STORAGE_KEY = 'bridgeboard.token';

/** The stored token, or null (also when storage is unavailable, e.g. blocked by the browser). */
export function readStoredToken(): string | null {
  try {
    const token = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    return token && token.trim() !== '' ? token : null;
  } catch {
    return null;
  }
}

/** Stores the token, or forgets it when given null. Failing storage only costs persistence. */
export function storeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    else window.localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Private mode or a storage quota: the session still works until the page closes.
  }
}

/** The value of the Authorization header and of connectionParams.authorization. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}

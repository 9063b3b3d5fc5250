// Issues this browser already supported, so "Me too" counts a person once. Only ids are kept,
// on the resident's own device; nothing about them is sent anywhere.
const KEY = 'bridgeboard.supported';
const MAX = 500;

function read(): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function hasSupported(issueId: string): boolean {
  return read().includes(issueId);
}

export function rememberSupported(issueId: string): void {
  try {
    const ids = [issueId, ...read().filter((id) => id !== issueId)].slice(0, MAX);
    window.localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Storage blocked: the support still counted, the button just forgets after a reload.
  }
}

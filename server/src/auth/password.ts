import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (its Algorithm enum is a const enum tsx cannot read).
const OPTIONS = {} as const;

/** argon2id PHC string for a password. */
export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** Constant-effort check; false for any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when an email is unknown, so a wrong email costs as long as a wrong
// password and timing does not reveal which accounts exist.
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('not-a-real-password'));

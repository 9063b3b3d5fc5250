/** The server's rule (PASSWORD_MIN in member.input.ts): long rather than clever. */
export const PASSWORD_MIN = 12;

/** Problems with a new password and its confirmation, by field (`password`, `confirm`). */
export function checkNewPassword(password: string, confirm: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (password.length < PASSWORD_MIN) problems.password = `Use at least ${PASSWORD_MIN} characters.`;
  else if (confirm !== password) problems.confirm = 'The two passwords are not the same.';
  return problems;
}

/** "an officer", "a partner", "a coordinator": a role as the end of a sentence. */
export function roleWithArticle(role: string | null | undefined): string {
  switch (role) {
    case 'OFFICER':
      return 'an officer';
    case 'PARTNER':
      return 'a partner';
    case 'COORDINATOR':
      return 'a coordinator';
    default:
      return 'a member';
  }
}

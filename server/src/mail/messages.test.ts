import { describe, expect, it } from 'vitest';
import { Role } from '../auth/roles.js';
import { formatExpiry, invitationMail, passwordResetMail } from './messages.js';

const AT = new Date('2026-12-08T15:40:00Z');

describe('mail messages', () => {
  it("give the expiry in the partnership's time zone, or UTC when it is not a known one", () => {
    expect(formatExpiry(AT, 'America/Chicago')).toBe('December 8, 2026 at 9:40 AM CST');
    expect(formatExpiry(AT, 'UTC')).toBe('December 8, 2026 at 3:40 PM UTC');
    expect(formatExpiry(AT, 'Not/AZone')).toBe('December 8, 2026 at 3:40 PM UTC');
  });

  it('the invitation says who invited them, to what, as what, and holds the link', () => {
    const mail = invitationMail(
      { partnershipName: 'Springfield Safe Streets', timeZone: 'America/Chicago' },
      {
        to: 'ivy@example.org',
        invitedBy: 'Cora Coordinator',
        role: Role.OFFICER,
        organizationName: 'City Police',
        url: 'https://board.city.gov/invitation?code=abc',
        expiresAt: AT,
      },
    );
    expect(mail).toEqual({
      to: 'ivy@example.org',
      subject: 'You are invited to Springfield Safe Streets',
      text:
        'Cora Coordinator invited you to join Springfield Safe Streets as an officer of City Police.\n\n' +
        'Set your password here: https://board.city.gov/invitation?code=abc\n\n' +
        'This link works once and expires on December 8, 2026 at 9:40 AM CST.\n',
    });
  });

  it('a requested reset tells someone who did not ask to ignore it; an issued one does not', () => {
    const setting = { partnershipName: 'Bridgeboard', timeZone: 'UTC' };
    const reset = { to: 'm@example.org', url: 'https://b/password?code=x', expiresAt: AT };
    expect(passwordResetMail(setting, { ...reset, requested: true }).text).toMatch(
      /^Someone asked to reset your Bridgeboard password\. If it was you, set a new one here: https:\/\/b\/password\?code=x\n[\s\S]*If it was not you, ignore this message/,
    );
    expect(passwordResetMail(setting, { ...reset, requested: false }).text).toMatch(
      /^A coordinator issued a link for you to set a new Bridgeboard password: https:\/\/b\/password\?code=x/,
    );
  });
});

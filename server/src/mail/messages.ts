import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../auth/roles.js';
import { PartnershipSettings } from '../modules/partnership/partnership.entity.js';
import type { OutgoingMail } from './mailer.js';

/** How the messages name the partnership and its dates: its own name and time zone once set up. */
export interface MailSetting {
  partnershipName: string;
  timeZone: string;
}

/** The partnership's name ("Bridgeboard" before setup) and time zone ("UTC" before setup). */
export async function mailSettingOf(em: EntityManager): Promise<MailSetting> {
  const settings = await em.findOne(PartnershipSettings, { id: 1 });
  return { partnershipName: settings?.name.trim() || 'Bridgeboard', timeZone: settings?.timeZone || 'UTC' };
}

/** "December 8, 2026 at 9:40 AM CST", in the partnership's time zone (UTC if it is not a known one). */
export function formatExpiry(at: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(at);
  }
}

const AS_ROLE: Record<Role, string> = {
  [Role.COORDINATOR]: 'a coordinator',
  [Role.OFFICER]: 'an officer',
  [Role.PARTNER]: 'a partner',
};

const ONCE = (expiresAt: Date, setting: MailSetting) =>
  `This link works once and expires on ${formatExpiry(expiresAt, setting.timeZone)}.`;

/** The invitation: who invited them, to what, and the link to set their password. */
export function invitationMail(
  setting: MailSetting,
  invite: { to: string; invitedBy: string; role: Role; organizationName: string; url: string; expiresAt: Date },
): OutgoingMail {
  return {
    to: invite.to,
    subject: `You are invited to ${setting.partnershipName}`,
    text: [
      `${invite.invitedBy} invited you to join ${setting.partnershipName} as ${AS_ROLE[invite.role]} of ${invite.organizationName}.`,
      '',
      `Set your password here: ${invite.url}`,
      '',
      ONCE(invite.expiresAt, setting),
      '',
    ].join('\n'),
  };
}

/** A password link: issued by a coordinator, or asked for by someone who knows the address. */
export function passwordResetMail(
  setting: MailSetting,
  reset: { to: string; url: string; expiresAt: Date; requested: boolean },
): OutgoingMail {
  const opening = reset.requested
    ? `Someone asked to reset your ${setting.partnershipName} password. If it was you, set a new one here: ${reset.url}`
    : `A coordinator issued a link for you to set a new ${setting.partnershipName} password: ${reset.url}`;
  const closing = reset.requested
    ? 'If it was not you, ignore this message: your password stays as it is.'
    : 'Until you use it, your current password keeps working.';
  return {
    to: reset.to,
    subject: `Set a new ${setting.partnershipName} password`,
    text: [opening, '', ONCE(reset.expiresAt, setting), closing, ''].join('\n'),
  };
}

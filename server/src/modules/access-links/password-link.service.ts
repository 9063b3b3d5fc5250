import type { MikroORM } from '@mikro-orm/core';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import { memberRefOf, type MemberViewer } from '../../auth/viewer.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import type { Mailer } from '../../mail/mailer.js';
import { mailSettingOf, passwordResetMail } from '../../mail/messages.js';
import { ActivityKind } from '../activity/activity.enums.js';
import { Member } from '../members/member.entity.js';
import { adminActivity } from '../members/admin-activity.js';
import { AccessLinkKind } from './access-link.entity.js';
import { LINK_TTL_MS, type LinkIssuer } from './access-link.codes.js';
import { addPasswordLink } from './access-link.service.js';
import { log } from '../../ops/log.js';

/**
 * Issues PASSWORD links (the member sets a new password on `/password?code=…`; spending one is
 * `resetPassword`, in access-link.service): a coordinator issues one for 24 hours and passes it
 * on (emailed too when SMTP is set), or, with SMTP only, a member asks for one by email (1 hour).
 *
 * Lifecycle: `close()` waits for requested links still being sent.
 */
export class PasswordLinkService {
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
    private readonly links: LinkIssuer,
    private readonly mailer: Mailer | null,
  ) {}

  /** A coordinator's link for `memberId`; refused for a deactivated member (reactivate them first). */
  async issue(viewer: MemberViewer, memberId: string): Promise<{ resetUrl: string; emailed: boolean }> {
    const pk = pkOf(memberId, 'Member', 'memberId');
    const { member, link, code } = await runChange(this.orm, this.bus, async (em, record) => {
      const found = await em.findOne(Member, { pk });
      if (!found) throw notFound('Member');
      if (found.deactivatedAt) throw badInput('memberId', `${found.name} is deactivated; reactivate them first`);
      const added = addPasswordLink(em, found, { createdBy: memberRefOf(em, viewer) });
      record(
        adminActivity(
          ActivityKind.PASSWORD_RESET_ISSUED,
          `${viewer.name} issued a password link for ${found.name}`,
          viewer,
        ),
      );
      return { member: found, ...added };
    });
    const resetUrl = this.links.url(AccessLinkKind.PASSWORD, code);
    const emailed = this.mailer
      ? await this.mailer.send(
          passwordResetMail(await mailSettingOf(this.orm.em.fork()), {
            to: member.email,
            url: resetUrl,
            expiresAt: link.expiresAt,
            requested: false,
          }),
        )
      : false;
    return { resetUrl, emailed };
  }

  /**
   * Someone asks for a link for `email`. Answers at once and the same whatever the address; the
   * lookup, the link and the message happen afterwards, and only for an active member. Without
   * SMTP there is no way to reach them: FORBIDDEN.
   */
  request(email: string): boolean {
    if (!this.mailer) {
      throw forbidden('This partnership does not send email; ask a coordinator for a reset link');
    }
    const mailer = this.mailer;
    const normalized = email.trim().toLowerCase();
    if (normalized.length === 0 || normalized.length > 320) return true;
    const task: Promise<void> = this.sendRequested(mailer, normalized)
      .catch((error: unknown) => log.error({ err: error }, 'could not issue a requested password link'))
      .finally(() => this.sending.delete(task));
    this.sending.add(task);
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  private async sendRequested(mailer: Mailer, email: string): Promise<void> {
    const em = this.orm.em.fork();
    const known = await em.findOne(Member, { email }, { fields: ['pk', 'deactivatedAt'] });
    if (!known || known.deactivatedAt) return;
    const { member, code, link } = await runChange(this.orm, this.bus, async (tx, record) => {
      const found = await tx.findOneOrFail(Member, { pk: known.pk });
      const added = addPasswordLink(tx, found, { ttlMs: LINK_TTL_MS.PASSWORD_BY_EMAIL });
      record(
        adminActivity(ActivityKind.PASSWORD_RESET_ISSUED, `${found.name} asked for a password link by email`, null),
      );
      return { member: found, ...added };
    });
    await mailer.send(
      passwordResetMail(await mailSettingOf(em), {
        to: member.email,
        url: this.links.url(AccessLinkKind.PASSWORD, code),
        expiresAt: link.expiresAt,
        requested: true,
      }),
    );
  }
}

import { createTransport } from 'nodemailer';
import type { Config } from '../config.js';
import { log } from '../ops/log.js';

/** A plain-text message to one person. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Shorter than nodemailer's defaults (2 min to connect, 10 min idle): a person waits on the answer. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Sends the board's few emails (invitations, password links) through the SMTP server of
 * `SMTP_URL`, from `MAIL_FROM`. `Mailer.fromConfig` is null when SMTP_URL is unset: then links
 * are only shown to the coordinator, never emailed.
 *
 * Lifecycle: one per server, `close()` with it.
 */
export class Mailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(smtpUrl: string, from: string) {
    this.transport = createTransport({ url: smtpUrl, ...TIMEOUTS }, { from });
  }

  static fromConfig(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
    return config.smtpUrl ? new Mailer(config.smtpUrl, config.mailFrom) : null;
  }

  /**
   * Whether the SMTP server accepted the message for its recipient. Never throws: a failure is
   * logged (without the message, which holds a one-time link) and answered `false`, so the
   * caller still has the link to show.
   */
  async send(mail: OutgoingMail): Promise<boolean> {
    try {
      const info = await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      return info.accepted.length > 0 && info.rejected.length === 0;
    } catch (error) {
      log.error({ err: error, subject: mail.subject }, 'could not send an email');
      return false;
    }
  }

  close(): void {
    this.transport.close();
  }
}

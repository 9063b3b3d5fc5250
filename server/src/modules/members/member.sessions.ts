import type { Transport } from '../../realtime/transport.js';
import { log } from '../../ops/log.js';

/** What crosses instances when a member's sessions end, so each closes that member's sockets. */
interface Ended {
  memberPk: number;
}

/**
 * Ends a member's live sessions on every instance: after a change that commits (deactivation,
 * a new password, another role or organization), `endSessions(memberPk)` tells every instance,
 * this one included, and each closes that member's open WebSockets with 4403. HTTP needs no
 * message: every request reads the member afresh (deactivated, password stamp, role).
 *
 * Lifecycle: `start()` before serving (listens on the `sessions` channel), `close()`.
 */
export class MemberSessions {
  private readonly listeners = new Set<(memberPk: number) => void>();

  constructor(private readonly transport: Transport<Ended>) {}

  async start(): Promise<void> {
    await this.transport.start(({ memberPk }) => {
      for (const listener of this.listeners) listener(memberPk);
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.transport.close();
  }

  /** Called on every instance when any instance ends a member's sessions. */
  onEnded(listener: (memberPk: number) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Publishes "member N's sessions ended". Call after the change committed. Never throws: the
   * change stands, and only sockets opened before it may live on until they reconnect.
   */
  async endSessions(memberPk: number): Promise<void> {
    try {
      await this.transport.publish({ memberPk });
    } catch (error) {
      log.error({ err: error }, "could not broadcast the end of a member's sessions");
    }
  }
}

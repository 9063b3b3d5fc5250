import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { checkCursor, pageSize, pkOf } from '../../common/relay.js';
import type { MemberViewer } from '../../auth/viewer.js';
import { ContactAccess } from './contact-access.entity.js';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const RECORD_BATCH = 500;

/**
 * The contact access log. Reads are recorded through a per-request DataLoader: every contact
 * resolved in one request (or one subscription event) goes into a single insert, and the
 * contact is released only once its row is written, so a read that cannot be logged is a read
 * that does not happen.
 */
export class ContactAccessService {
  constructor(private readonly orm: MikroORM) {}

  /**
   * A loader for one request: `load(issuePk)` records that `viewer` read that issue's contact.
   * With `cache` (HTTP), repeated reads in one request are logged once; without (subscriptions,
   * whose context outlives many events) every delivery is logged.
   */
  recorder(viewer: MemberViewer | null, cache = true): DataLoader<number, true> {
    return this.groupRecorder(() => (viewer ? [viewer] : []), cache);
  }

  /**
   * A loader for one answer delivered to many members at once (the live fan-out executes a
   * change once for a group of identical subscriptions): `load(issuePk)` records a read by every
   * member `readers()` names when the batch runs, before the answer is sent to any of them.
   */
  groupRecorder(readers: () => readonly MemberViewer[], cache = false): DataLoader<number, true> {
    return new DataLoader<number, true>(
      async (issuePks) => {
        const members = readers();
        if (members.length === 0) throw new Error('Only members read contacts');
        const at = new Date();
        const rows = [...new Set(issuePks)].flatMap((issue) =>
          members.map((m) => ({ at, issue, member: m.memberPk, organization: m.organizationPk })),
        );
        const em = this.orm.em.fork();
        for (let i = 0; i < rows.length; i += RECORD_BATCH) {
          await em.insertMany(ContactAccess, rows.slice(i, i + RECORD_BATCH));
        }
        return issuePks.map(() => true as const);
      },
      { cache },
    );
  }

  /** One page of the log, newest first, for one issue or all. */
  list(em: EntityManager, issueId: string | null | undefined, first: number | null | undefined, after?: string | null) {
    const where = issueId ? { issue: pkOf(issueId, 'CommunityIssue', 'issueId') } : {};
    return em.findByCursor(ContactAccess, where, {
      first: pageSize(first),
      after: checkCursor(after),
      orderBy: { pk: 'desc' },
      includeCount: true,
    });
  }
}

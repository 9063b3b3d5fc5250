import type { EntityManager } from '@mikro-orm/core';
import { classViewer, visibilityClass, type MemberViewer, type Viewer } from '../auth/viewer.js';
import { createLoaders, type Context, type Loaders, type Services } from '../context.js';
import type { Accept } from '../modules/activity/activity.filters.js';
import { CommunityIssue } from '../modules/issues/issue.entity.js';
import { publicIssueLoaders, type PublicIssueLoaders } from '../modules/issues/issue.loaders.js';
import { SharedEvent } from '../modules/events/event.entity.js';
import type { ActivityEnvelope } from './envelope.js';
import type { LiveRequest, Subscriber } from './subscriber.js';

/** Changes a group remembers its answer to, for subscribers replaying them. */
const REMEMBERED = 200;

/** A group's answer to one change: the serialized payload, and the contacts it carries. */
export interface Rendered {
  payload: Buffer;
  /** Issues whose resident contact is in the payload: each reader must be logged for them. */
  contactsOf: number[];
}

/**
 * Subscribers whose operation, variables (apart from `after`) and visibility class are the same.
 * A change is decided and executed once for all of them and its payload serialized once; each
 * subscriber only adds the frame around it. When an answer turns out to depend on who exactly the
 * viewer is, the group is split by identity (`personal`).
 *
 * It remembers its answers to the last changes (null: the filter refused it), so that thousands
 * of boards reconnecting after a restart, each resuming from its own `after`, replay from one
 * execution per change instead of one per board.
 */
export class Group {
  readonly subscribers = new Set<Subscriber<Group>>();
  /** What the group's operation asks (its first subscriber's, with that one's `after`, which no answer reads). */
  readonly target: LiveRequest;
  readonly accept: Accept;
  readonly viewer: Viewer | null;
  /** Set when a resolver asked for the viewer's identity through the class viewer. */
  identityRead = false;
  private readonly answers = new Map<number, Promise<unknown>>();

  constructor(
    readonly key: string,
    readonly baseKey: string,
    { query, document, operationName, variables }: LiveRequest,
    readonly acceptFor: (viewer: Viewer | null) => Accept,
    representative: Viewer | null,
    readonly personal: boolean,
  ) {
    // A copy, not the subscriber's target: that holds its socket.
    this.target = { query, document, operationName, variables };
    this.viewer = personal
      ? representative
      : classViewer(representative, () => {
          this.identityRead = true;
        });
    this.accept = acceptFor(this.viewer);
  }

  /** The remembered answer to change `seq`, or one computed by `render` (once, however many ask). */
  answer<A>(seq: number, render: () => Promise<A>): Promise<A> {
    let answer = this.answers.get(seq) as Promise<A> | undefined;
    if (!answer) {
      answer = render();
      this.remember(seq, answer);
    }
    return answer;
  }

  remember(seq: number, answer: Promise<unknown>): void {
    this.answers.set(seq, answer);
    // A failed answer is not kept: the next subscriber asking tries again.
    answer.catch(() => this.answers.get(seq) === answer && this.answers.delete(seq));
    if (this.answers.size > REMEMBERED) {
      const oldest = Math.min(...this.answers.keys());
      this.answers.delete(oldest);
    }
  }
}

/** One committed change being delivered: its EntityManager and per-class loaders, shared by every group. */
export class ChangeScope {
  readonly em: EntityManager;
  private readonly loaders = new Map<string, Loaders>();
  /** Neighborhoods and organizations look the same to every class: read once per change. */
  private readonly shared: PublicIssueLoaders;

  constructor(
    private readonly services: Services,
    readonly envelope: ActivityEnvelope,
  ) {
    this.em = services.orm.em.fork();
    this.shared = publicIssueLoaders(services.orm, true);
  }

  /** Loads the change's issue or event into the shared identity map, once for every group. */
  async loadSubject(): Promise<void> {
    if (this.envelope.issue != null) await this.em.findOne(CommunityIssue, { pk: this.envelope.issue });
    if (this.envelope.event != null) await this.em.findOne(SharedEvent, { pk: this.envelope.event });
  }

  /**
   * The context a group's answer is executed in. Every member among `readers` is logged as having
   * read a contact the answer carries before it is sent; `contactsOf` collects those issues.
   */
  contextFor(group: Group, readers: readonly Subscriber<Group>[], contactsOf: number[]): Context {
    const classKey = visibilityClass(group.viewer);
    let loaders = this.loaders.get(classKey);
    if (!loaders) {
      loaders = { ...createLoaders(this.services, group.viewer), ...this.shared };
      this.loaders.set(classKey, loaders);
    }
    const recorder = this.services.contactAccess.groupRecorder(() => membersOf(readers));
    return {
      services: this.services,
      em: this.em,
      viewer: group.viewer,
      loaders: {
        ...loaders,
        contactRead: {
          load: (issuePk: number) => {
            contactsOf.push(issuePk);
            return recorder.load(issuePk);
          },
        } as Loaders['contactRead'],
      },
    };
  }
}

export const membersOf = (readers: readonly Subscriber<Group>[]): MemberViewer[] =>
  readers.map((s) => s.viewer).filter((v): v is MemberViewer => v?.kind === 'member');

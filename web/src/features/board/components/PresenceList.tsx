import { useId } from 'react';
import { useSubscription } from '@apollo/client/react';
import { useStoredFlag } from '../../../shared/storage.js';
import { useRetryWhile } from '../../../shared/useRetry.js';
import {
  BOARD_PRESENCE_SUBSCRIPTION,
  type BoardPresence,
} from '../graphql/subscriptions/boardPresence.subscription.js';

/** localStorage key of the "Show me to others" choice (per browser profile). */
export const SHARE_PRESENCE_KEY = 'bridgeboard.presence.share';

interface PresenceListProps {
  /** The signed-in member's id: they are left out of the list of others. */
  viewerId: string;
}

/**
 * Who else has the board open now, and whether they see you: the first few names, then "and N
 * others" from the count. Turning "Show me to others" off subscribes with share: false, which
 * hides you but still lists the others.
 */
export function PresenceList({ viewerId }: PresenceListProps) {
  const checkboxId = useId();
  const [share, setShare] = useStoredFlag(SHARE_PRESENCE_KEY, true);
  const { data, error, restart } = useSubscription(BOARD_PRESENCE_SUBSCRIPTION, { variables: { share } });
  // A subscription that ended with an error (a fatal close) is started again until it holds.
  useRetryWhile(Boolean(error), restart);
  const presence = data?.presence;
  const others = presence?.members.filter((member) => member.id !== viewerId) ?? [];
  const total = presence ? othersCount(presence, viewerId, share) : 0;
  const more = total - others.length;

  return (
    <div className="presence">
      <h3 className="presence__title" id={`${checkboxId}-title`}>
        On the board now
      </h3>
      <ul className="presence__list" aria-label="On the board now">
        {others.map((member) => (
          <li key={member.id} className="presence__member" title={member.organizationName}>
            <span className="presence__avatar" aria-hidden="true">
              {initials(member.name)}
            </span>
            <span>
              {member.name} <span className="presence__org">({member.organizationName})</span>
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="presence__more">
          and {more} {more === 1 ? 'other' : 'others'}
          <span className="visually-hidden"> also on the board ({total} in all)</span>
        </p>
      )}
      {presence && total === 0 && <p className="presence__empty">Nobody else right now.</p>}
      {!data && error && <p className="presence__empty">Can't tell who else is here right now.</p>}
      <div className="presence__share">
        <input id={checkboxId} type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
        <label htmlFor={checkboxId}>Show me to others</label>
      </div>
    </div>
  );
}

/**
 * How many others are on the board: the count less the viewer when they are in it. Sharing, they
 * are (they join before the server takes the first snapshot); not sharing, only if another tab of
 * theirs shares and they are among the names.
 */
function othersCount(presence: BoardPresence, viewerId: string, share: boolean): number {
  const listed = presence.members.filter((member) => member.id !== viewerId).length;
  const viewerCounted = share || listed < presence.members.length;
  return Math.max(listed, presence.count - (viewerCounted ? 1 : 0));
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const picked = words.length > 2 ? [words[words.length - 2], words[words.length - 1]] : words;
  return picked.map((w) => w.charAt(0).toUpperCase()).join('');
}

import { useId } from 'react';
import { useConnectionState, type ConnectionStatus } from './connection.js';

/** The only words the indicator ever shows (end-to-end tests read them). */
const LABELS: Record<Exclude<ConnectionStatus, 'idle'>, string> = {
  connecting: 'Reconnecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/**
 * Whether the page is receiving changes as they happen: "Live", "Reconnecting…" or "Offline".
 * A page that subscribes to nothing shows nothing (there is no live stream to speak of).
 */
export function ConnectionIndicator() {
  const id = useId();
  const { status } = useConnectionState();
  if (status === 'idle') return null;
  return (
    <div className={`connection connection--${status}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span id={id} className="visually-hidden">
        Connection
      </span>
      <p className="connection__label" role="status" aria-labelledby={id}>
        {LABELS[status]}
      </p>
    </div>
  );
}

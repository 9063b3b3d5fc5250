import { useConnectionState, type ConnectionStatus } from './connection.js';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  idle: 'Not connected',
};

/** Whether the board is receiving changes as they happen. */
export function ConnectionIndicator() {
  const { status } = useConnectionState();
  return (
    <p className={`connection connection--${status}`} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">Updates: </span>
      {LABELS[status]}
    </p>
  );
}

import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * The live stream's state as a person should read it: `connecting` before the first socket is
 * up, `live` while subscriptions are delivering, `reconnecting` after the socket was lost and
 * graphql-ws is retrying, `idle` when nothing is subscribed.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'idle';

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * How many times the socket has been acknowledged by the server. Each new connection
   * re-subscribes without `after`, so anything that happened while it was down (or before the
   * first connection) must be fetched again; views watch this number to know when.
   */
  connections: number;
}

type Listener = () => void;

/**
 * Holds the connection state fed by graphql-ws client events, in a form React reads with
 * `useSyncExternalStore`. One monitor belongs to one Apollo client (one session).
 */
export class ConnectionMonitor {
  private state: ConnectionState = { status: 'connecting', connections: 0 };
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConnectionState => this.state;

  /** graphql-ws `connecting`: the first attempt, or a retry after a lost socket. */
  connecting(isRetry: boolean): void {
    this.set({ ...this.state, status: isRetry ? 'reconnecting' : 'connecting' });
  }

  /** graphql-ws `connected`: the server acknowledged the connection. */
  connected(): void {
    this.set({ status: 'live', connections: this.state.connections + 1 });
  }

  /** graphql-ws `closed`: 1000 is a deliberate close (nothing subscribed); anything else is a loss. */
  closed(code: number): void {
    this.set({ ...this.state, status: code === 1000 ? 'idle' : 'reconnecting' });
  }

  private set(next: ConnectionState): void {
    if (next.status === this.state.status && next.connections === this.state.connections) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const ConnectionContext = createContext<ConnectionMonitor | null>(null);

/** The current session's connection state; re-renders when it changes. */
export function useConnectionState(): ConnectionState {
  const monitor = useContext(ConnectionContext);
  if (!monitor) throw new Error('useConnectionState needs a ConnectionContext provider (see App)');
  return useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
}

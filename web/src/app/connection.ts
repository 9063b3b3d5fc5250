import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * The live stream's state as a person should read it:
 * - `idle`: nothing is subscribed (graphql-ws is lazy), so there is nothing to be live about;
 * - `connecting`: the first socket of this session is being opened;
 * - `live`: the server acknowledged the socket and subscriptions are delivering;
 * - `reconnecting`: the socket was lost and graphql-ws is retrying;
 * - `offline`: the browser is offline, or attempts keep failing (graphql-ws still retries).
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * How many times the socket has been acknowledged by the server. A new connection resumes
   * subscriptions from where they started, and anything that happened while it was down must be
   * brought up to date; views watch this number to refetch.
   */
  connections: number;
}

type Listener = () => void;

/** Failed attempts in a row after which "reconnecting" becomes "offline". */
const FAILURES_UNTIL_OFFLINE = 2;

/**
 * Holds the connection state fed by graphql-ws client events (and the browser's online/offline
 * events), in a form React reads with `useSyncExternalStore`. One monitor belongs to one Apollo
 * client (one session).
 */
export class ConnectionMonitor {
  private state: ConnectionState = { status: 'idle', connections: 0 };
  private readonly listeners = new Set<Listener>();
  private failures = 0;
  private browserOffline = false;
  private socket: Exclude<ConnectionStatus, 'offline'> | 'failing' = 'idle';

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConnectionState => this.state;

  /** graphql-ws `connecting`: the first attempt, or a retry after a lost socket. */
  connecting(isRetry: boolean): void {
    if (this.socket === 'failing') return; // still offline until an attempt succeeds
    this.socket = isRetry || this.state.connections > 0 ? 'reconnecting' : 'connecting';
    this.update();
  }

  /** graphql-ws `connected`: the server acknowledged the connection. */
  connected(): void {
    this.failures = 0;
    this.socket = 'live';
    this.update(this.state.connections + 1);
  }

  /** graphql-ws `closed`: 1000 is a deliberate close (nothing subscribed); anything else is a loss. */
  closed(code: number): void {
    if (code === 1000) {
      this.failures = 0;
      this.socket = 'idle';
    } else {
      this.failures += 1;
      this.socket = this.failures >= FAILURES_UNTIL_OFFLINE ? 'failing' : 'reconnecting';
    }
    this.update();
  }

  /** The browser's own idea of the network (`navigator.onLine`, `online`/`offline` events). */
  setBrowserOnline(online: boolean): void {
    this.browserOffline = !online;
    this.update();
  }

  private update(connections = this.state.connections): void {
    const status: ConnectionStatus =
      this.socket === 'failing' || (this.browserOffline && this.socket !== 'idle') ? 'offline' : this.socket;
    if (status === this.state.status && connections === this.state.connections) return;
    this.state = { status, connections };
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

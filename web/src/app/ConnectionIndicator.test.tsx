import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ConnectionContext, ConnectionMonitor } from './connection.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';

afterEach(cleanup);

describe('ConnectionIndicator', () => {
  it('reads exactly “Live”, “Reconnecting…” or “Offline”, as a status named Connection', () => {
    const monitor = new ConnectionMonitor();
    render(
      <ConnectionContext.Provider value={monitor}>
        <ConnectionIndicator />
      </ConnectionContext.Provider>,
    );
    expect(screen.queryByRole('status')).toBeNull(); // nothing subscribed yet
    const text = () => screen.getByRole('status', { name: 'Connection' }).textContent;
    act(() => monitor.connecting(false));
    expect(text()).toBe('Reconnecting…');
    act(() => monitor.connected());
    expect(text()).toBe('Live');
    act(() => monitor.closed(1006));
    expect(text()).toBe('Reconnecting…');
    act(() => monitor.setBrowserOnline(false));
    expect(text()).toBe('Offline');
  });
});

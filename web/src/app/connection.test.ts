import { describe, expect, it } from 'vitest';
import { ConnectionMonitor } from './connection.js';

describe('ConnectionMonitor', () => {
  it('is idle until something subscribes, then live; a lost socket is reconnecting, then offline', () => {
    const monitor = new ConnectionMonitor();
    expect(monitor.getSnapshot()).toEqual({ status: 'idle', connections: 0 });
    monitor.connecting(false);
    expect(monitor.getSnapshot().status).toBe('connecting');
    monitor.connected();
    expect(monitor.getSnapshot()).toEqual({ status: 'live', connections: 1 });
    monitor.closed(1006);
    expect(monitor.getSnapshot().status).toBe('reconnecting');
    monitor.connecting(true);
    monitor.closed(1006);
    expect(monitor.getSnapshot().status).toBe('offline');
    monitor.connecting(true);
    expect(monitor.getSnapshot().status).toBe('offline');
    monitor.connected();
    expect(monitor.getSnapshot()).toEqual({ status: 'live', connections: 2 });
  });

  it('is offline while the browser is, and idle after a deliberate close', () => {
    const monitor = new ConnectionMonitor();
    monitor.connecting(false);
    monitor.connected();
    monitor.setBrowserOnline(false);
    expect(monitor.getSnapshot().status).toBe('offline');
    monitor.setBrowserOnline(true);
    expect(monitor.getSnapshot().status).toBe('live');
    monitor.closed(1000);
    expect(monitor.getSnapshot().status).toBe('idle');
  });
});

import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import type { MemberViewer, TokenViewer } from '../../auth/viewer.js';
import { CLOSE_FORBIDDEN, ViewerSockets } from './api-token.sockets.js';

/** Just enough of a ws socket: `close` records its code and emits 'close', as ws does. */
class FakeSocket extends EventEmitter {
  closedWith: number | null = null;
  close(code: number) {
    this.closedWith = code;
    this.emit('close');
  }
}
const socket = () => new FakeSocket();
const asWs = (s: FakeSocket) => s as unknown as WebSocket;

const member = (memberPk: number): MemberViewer => ({
  kind: 'member',
  memberPk,
  name: `Member ${memberPk}`,
  role: Role.PARTNER,
  organizationPk: 1,
  organizationName: 'Youth',
});
const token = (tokenPk: number): TokenViewer => ({
  kind: 'token',
  tokenPk,
  name: `Token ${tokenPk}`,
  role: Role.OFFICER,
  organizationPk: 1,
  organizationName: 'Police',
  scopes: new Set(),
});

describe('ViewerSockets', () => {
  it("closes a member's sockets, and only theirs, with 4403; tokens apart from members of the same number", () => {
    const sockets = new ViewerSockets();
    const [mine, alsoMine, theirs, aToken] = [socket(), socket(), socket(), socket()];
    expect(sockets.track(member(1), asWs(mine), Date.now())).toBe(true);
    sockets.track(member(1), asWs(alsoMine), Date.now());
    sockets.track(member(2), asWs(theirs), Date.now());
    sockets.track(token(1), asWs(aToken), Date.now());
    sockets.closeMember(1);
    expect([mine.closedWith, alsoMine.closedWith, theirs.closedWith, aToken.closedWith]).toEqual([
      CLOSE_FORBIDDEN,
      CLOSE_FORBIDDEN,
      null,
      null,
    ]);
    sockets.closeToken(1);
    expect(aToken.closedWith).toBe(CLOSE_FORBIDDEN);
  });

  it('refuses a socket whose credentials were checked before the sessions ended, not one checked after', async () => {
    const sockets = new ViewerSockets();
    const checkedBefore = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    sockets.closeMember(7);
    expect(sockets.track(member(7), asWs(socket()), checkedBefore)).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(sockets.track(member(7), asWs(socket()), Date.now())).toBe(true);
    expect(sockets.track(member(8), asWs(socket()), checkedBefore)).toBe(true);
  });

  it('forgets a socket once it closed', () => {
    const sockets = new ViewerSockets();
    const closedEarly = socket();
    sockets.track(member(3), asWs(closedEarly), Date.now());
    closedEarly.close(1000);
    sockets.closeMember(3);
    expect(closedEarly.closedWith).toBe(1000);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../realtime/transport.js';
import { PresenceService, type PresenceSnapshot, type PresentMember } from './presence.service.js';

const INTERVAL = 50;
const opened: PresenceService[] = [];
afterEach(async () => {
  for (const service of opened.splice(0)) await service.close();
});

async function service(transport = new LocalTransport<never>()): Promise<PresenceService> {
  const presence = new PresenceService(transport, { intervalMs: INTERVAL });
  opened.push(presence);
  await presence.start();
  return presence;
}

const person = (memberPk: number, name: string): PresentMember => ({ memberPk, name, organizationName: 'Org' });
const names = (snapshot: PresenceSnapshot) => snapshot.members.map((m) => m.name);
const later = (ms = INTERVAL * 3) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads `watch` in the background: what it has been handed so far. */
function record(watch: AsyncIterable<PresenceSnapshot>): PresenceSnapshot[] {
  const got: PresenceSnapshot[] = [];
  void (async () => {
    for await (const snapshot of watch) got.push(snapshot);
  })();
  return got;
}

describe('PresenceService', () => {
  it('offers one frozen snapshot per interval, the same object to every watcher', async () => {
    const presence = await service();
    const a = record(presence.watch());
    const b = record(presence.watch());
    await later(1);
    expect(a).toEqual([{ count: 0, members: [] }]);
    for (let pk = 1; pk <= 8; pk++) presence.join(person(pk, `Person ${pk}`));
    await later();
    expect(a).toHaveLength(2);
    expect(a[1]).toBe(b[1]);
    expect(Object.isFrozen(a[1]) && Object.isFrozen(a[1].members) && Object.isFrozen(a[1].members[0])).toBe(true);
    expect(a[1].count).toBe(8);
    expect(names(a[1])).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
  });

  it('gives a new watcher the current state at once, and does not repeat it', async () => {
    const presence = await service();
    const early = record(presence.watch());
    presence.join(person(1, 'Ann'));
    const late = record(presence.watch());
    await later(1);
    expect(late.map((s) => s.count)).toEqual([1]);
    expect(early.map((s) => s.count)).toEqual([0]);
    await later();
    expect(early.map((s) => s.count)).toEqual([0, 1]);
    expect(late.map((s) => s.count)).toEqual([1]);
  });

  it('keeps the first five by name, then id, through joins and leaves', async () => {
    const presence = await service();
    const people = [
      person(9, 'Zoe'),
      person(3, 'Ann'),
      person(2, 'Ann'),
      person(5, 'Bo'),
      person(7, 'Cy'),
      person(1, 'Di'),
      person(4, 'Ed'),
    ];
    const leaves = people.map((m) => presence.join(m));
    expect(names(presence.snapshot())).toEqual(['Ann', 'Ann', 'Bo', 'Cy', 'Di']);
    expect(presence.snapshot().members[0].id).toBe(Buffer.from('Member:2').toString('base64url'));
    leaves[1](); // Ann (3) leaves: Ed moves up
    leaves[1](); // twice is once
    expect(names(presence.snapshot())).toEqual(['Ann', 'Bo', 'Cy', 'Di', 'Ed']);
    expect(presence.snapshot().count).toBe(6);
    leaves[0](); // Zoe was not among the first five
    expect(names(presence.snapshot())).toEqual(['Ann', 'Bo', 'Cy', 'Di', 'Ed']);
    expect(presence.snapshot().count).toBe(5);
  });

  it('counts a member once however many connections share, until the last one leaves', async () => {
    const presence = await service();
    const first = presence.join(person(1, 'Ann'));
    const second = presence.join(person(1, 'Ann'));
    expect(presence.snapshot().count).toBe(1);
    first();
    expect(presence.snapshot().count).toBe(1);
    second();
    expect(presence.snapshot().count).toBe(0);
  });

  it('sends nothing when a join and a leave cancel out within one interval', async () => {
    const presence = await service();
    const seen = record(presence.watch());
    await later(1);
    presence.join(person(1, 'Ann'))();
    await later();
    expect(seen).toHaveLength(1);
    expect(presence.snapshot()).toBe(seen[0]);
  });

  it('hands a reader that fell behind only the newest snapshot', async () => {
    const presence = await service();
    const watch = presence.watch();
    for (let pk = 1; pk <= 3; pk++) {
      presence.join(person(pk, `Person ${pk}`));
      await later(); // one emission each, none read
    }
    expect((await watch.next()).value?.count).toBe(3);
    const next = watch.next();
    await watch.return();
    expect((await next).done).toBe(true);
  });

  it('hears joins and leaves of another instance through the transport', async () => {
    const shared = new LocalTransport<never>();
    const a = await service(shared);
    const b = await service(shared);
    const leave = b.join(person(1, 'Ann'));
    await later();
    expect(names(a.snapshot())).toEqual(['Ann']);
    leave();
    await later();
    expect(a.snapshot().count).toBe(0);
  });
});

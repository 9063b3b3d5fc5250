import { boardOperation, boardStatuses, publicOperation, toolOperation } from '../operations.js';
import type { Prepared } from '../prepare/prepare.js';
import { prng } from '../stats.js';
import type { ClientSpec, Profile } from './protocol.js';

/**
 * Who subscribes, as on a city's busy day: most clients are open boards of signed-in members
 * (officers, partners of every partner organization, a few coordinators), a quarter of them
 * filtered to one neighborhood; a third are public pages (no token); a few are tools with API
 * tokens. Every change the drivers make is one that each of them may see and that passes
 * each filter, so every client should receive every change.
 */
export const MIX = { board: 0.45, boardNeighborhood: 0.15, public: 0.35, tool: 0.05 };

export interface Mix {
  profiles: Profile[];
  /** [profile, how far behind the newest seq the client's `after` is (1 to 3)] */
  clients: [profile: number, behind: number][];
}

export function buildMix(prepared: Prepared, n: number, seed = 1): Mix {
  const board = boardOperation();
  const publicPage = publicOperation();
  const tool = toolOperation();
  const statuses = boardStatuses();
  const profiles: Profile[] = [];
  const boardDefault: number[] = [];
  const boardHood: number[] = [];
  for (const session of prepared.sessions) {
    const role = session.role.toLowerCase();
    const authorization = `Bearer ${session.token}`;
    boardDefault.push(profiles.length);
    profiles.push({ name: `board/${role}`, ...board, authorization, variables: { filter: { status: statuses } } });
    boardHood.push(profiles.length);
    profiles.push({
      name: `board/${role}/neighborhood`,
      ...board,
      authorization,
      variables: { filter: { status: statuses, neighborhoodId: prepared.seed.poolNeighborhoodId } },
    });
  }
  const publicProfile = profiles.length;
  profiles.push({
    name: 'public',
    ...publicPage,
    authorization: null,
    variables: { filter: { neighborhoodId: null, category: null, status: null } },
  });
  const tools = prepared.apiTokens.map((token) => {
    profiles.push({ name: `token/${token.name}`, ...tool, authorization: `Bearer ${token.token}`, variables: {} });
    return profiles.length - 1;
  });

  const random = prng(seed);
  const clients: Mix['clients'] = [];
  let boardTurn = 0;
  let toolTurn = 0;
  for (let i = 0; i < n; i++) {
    const roll = random();
    const behind = 1 + Math.floor(random() * 3);
    let profile: number;
    if (roll < MIX.board) profile = boardDefault[boardTurn++ % boardDefault.length];
    else if (roll < MIX.board + MIX.boardNeighborhood) profile = boardHood[boardTurn++ % boardHood.length];
    else if (roll < MIX.board + MIX.boardNeighborhood + MIX.public) profile = publicProfile;
    else profile = tools[toolTurn++ % tools.length];
    clients.push([profile, behind]);
  }
  return { profiles, clients };
}

/** The clients' specs once the newest seq is known. */
export const specsAt = (mix: Mix, latestSeq: number): ClientSpec[] =>
  mix.clients.map(([profile, behind]) => [profile, Math.max(0, latestSeq - behind)]);

/** How many clients of each kind (for the report). */
export function mixSummary(mix: Mix): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [profile] of mix.clients) {
    const name = mix.profiles[profile].name.replace(/^token\/.*/, 'token');
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

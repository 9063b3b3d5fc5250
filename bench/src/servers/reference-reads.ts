/**
 * The hot reads written by hand: for each, at most two SQL statements whose rows are put
 * straight into the answer Bridgeboard gives for the web app's query (same fields, nesting,
 * `__typename`s, values and key order), with the same privacy rules for the bench's two kinds
 * of viewer (an officer of the agency, the public). No ORM, no GraphQL: what the read costs at
 * the least. The bench checks every answer against Bridgeboard's before it measures.
 */
import { marks, num, type Db, type Row } from './reference-db.js';

/** Who asks: a signed-in member (the bench signs in officers) or the public. */
export interface RefViewer {
  role: 'COORDINATOR' | 'OFFICER' | 'PARTNER';
  organizationPk: number;
}

type Vars = Record<string, unknown>;
export type Read = (db: Db, viewer: RefViewer | null, variables: Vars) => Promise<unknown>;

const gid = (type: string, pk: unknown) => Buffer.from(`${type}:${num(pk)}`).toString('base64url');
const pkOf = (id: unknown) => Number(Buffer.from(String(id), 'base64url').toString('utf8').split(':')[1]);
/** MikroORM's cursor: base64url of the JSON of the order-by values. */
const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const decodeCursor = (value: string) => JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
const named = (type: string, id: unknown, name: unknown) =>
  id == null ? null : { id: gid(type, id), name, __typename: type };
const updateVisibilities = (viewer: RefViewer | null) => (viewer ? ['PUBLIC', 'PARTNERS'] : ['PUBLIC']);
const SEQ = '(select value from activity_sequence where id = 1)';

interface IssueFilterVars {
  status?: string[] | null;
  category?: string | null;
  neighborhoodId?: string | null;
}

function issueWhere(filter: IssueFilterVars | null | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter?.status?.length) {
    parts.push(`i.status in (${marks(filter.status)})`);
    params.push(...filter.status);
  }
  if (filter?.category) {
    parts.push('i.category = ?');
    params.push(filter.category);
  }
  if (filter?.neighborhoodId) {
    parts.push('i.neighborhood_id = ?');
    params.push(pkOf(filter.neighborhoodId));
  }
  return { sql: parts.length ? parts.join(' and ') : '1 = 1', params };
}

/**
 * One page of issues newest first (the board's and the public list's): statement 1 is the page
 * with its total and the feed position as scalar subqueries; statement 2 (board only) the
 * organizations of the page's issues. An empty page asks for the total on its own instead.
 */
async function issuePage(db: Db, viewer: RefViewer | null, vars: Vars, board: boolean) {
  const first = (vars.first as number | undefined) ?? 50;
  const where = issueWhere(vars.filter as IssueFilterVars | null);
  const keyset: string[] = [];
  const keyParams: unknown[] = [];
  if (vars.after) {
    const [at, pk] = decodeCursor(String(vars.after));
    keyset.push('and (i.reported_at < ? or (i.reported_at = ? and i.id < ?))');
    keyParams.push(db.dateParam(String(at)), db.dateParam(String(at)), pk);
  }
  const visible = updateVisibilities(viewer);
  // Counted on the page only: in the select list of the sorted query SQLite would count the
  // updates of every matching issue before the sort and limit.
  const count = board
    ? `, (select count(*) from issue_update u where u.issue_id = p.id and u.visibility in (${marks(visible)})) as update_count`
    : '';
  const rows = await db.all(
    `select p.* ${count} from (
       select i.id, i.title, i.status, i.category, i.supporters_count, i.reported_at, i.version,
         n.id as nid, n.name as nname${board ? '' : ', i.description'},
         (select count(*) from community_issue i where ${where.sql}) as total, ${SEQ} as seq
       from community_issue i join neighborhood n on n.id = i.neighborhood_id
       where ${where.sql} ${keyset.join(' ')}
       order by i.reported_at desc, i.id desc limit ?
     ) p order by p.reported_at desc, p.id desc`,
    [...(board ? visible : []), ...where.params, ...where.params, ...keyParams, first + 1],
  );
  const head =
    rows[0] ??
    (
      await db.all(`select (select count(*) from community_issue i where ${where.sql}) as total, ${SEQ} as seq`, [
        ...where.params,
      ])
    )[0];
  const page = rows.slice(0, first);
  const organizations = new Map<number, { id: string; name: string; __typename: string }[]>();
  if (board && page.length) {
    const ids = page.map((r) => num(r.id));
    const orgRows = await db.all(
      `select io.community_issue_id as issue, o.id, o.name from issue_organization io
       join organization o on o.id = io.organization_id where io.community_issue_id in (${marks(ids)})`,
      ids,
    );
    for (const o of orgRows) {
      const list = organizations.get(num(o.issue)) ?? [];
      list.push(named('Organization', o.id, o.name)! as { id: string; name: string; __typename: string });
      organizations.set(num(o.issue), list);
    }
    for (const list of organizations.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  }
  const edges = page.map((r) => {
    const reportedAt = db.iso(r.reported_at);
    const neighborhood = named('Neighborhood', r.nid, r.nname);
    const node = board
      ? {
          id: gid('CommunityIssue', r.id),
          title: r.title,
          status: r.status,
          category: r.category,
          neighborhood,
          organizations: organizations.get(num(r.id)) ?? [],
          supportersCount: num(r.supporters_count),
          updateCount: num(r.update_count),
          reportedAt,
          version: num(r.version),
          __typename: 'CommunityIssue',
        }
      : {
          id: gid('CommunityIssue', r.id),
          title: r.title,
          description: r.description,
          category: r.category,
          status: r.status,
          reportedAt,
          neighborhood,
          supportersCount: num(r.supporters_count),
          version: num(r.version),
          __typename: 'CommunityIssue',
        };
    return { cursor: cursor([reportedAt, num(r.id)]), node, __typename: 'IssueEdge' };
  });
  const issues = {
    totalCount: num(head.total),
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
      __typename: 'PageInfo',
    },
    __typename: 'IssueConnection',
  };
  return board ? { latestSeq: num(head.seq), issues } : { issues };
}

/**
 * The drawer: statement 1 is the issue with its neighborhood, reporter and visible updates
 * (their authors and authors' organizations) joined on, one row per update; statement 2 every
 * organization, by name, marked where the issue is assigned. The contact is the resident's:
 * coordinators and members of assigned organizations only (the bench's issue has none, so no
 * read of it is owed to the access log).
 */
const drawer: Read = async (db, viewer, vars) => {
  const pk = pkOf(vars.id);
  const visible = updateVisibilities(viewer);
  const rows = await db.all(
    `select i.id, i.title, i.status, i.category, i.supporters_count, i.reported_at, i.version, i.description,
       i.priority, i.anonymous, i.contact, i.acknowledged_at, i.resolved_at, i.lat, i.lng, i.address,
       i.reporter_id, r.name as reporter_name,
       n.id as nid, n.name as nname, n.boundary, n.center_lat, n.center_lng,
       (select count(*) from issue_update c where c.issue_id = i.id and c.visibility in (${marks(visible)})) as update_count,
       u.id as uid, u.kind as ukind, u.body, u.visibility as uvisibility, u.created_at as ucreated, u.from_status,
       u.to_status, u.author_id, a.name as author_name, ao.id as aoid, ao.name as aoname
     from community_issue i
     join neighborhood n on n.id = i.neighborhood_id
     left join member r on r.id = i.reporter_id
     left join issue_update u on u.issue_id = i.id and u.visibility in (${marks(visible)})
     left join member a on a.id = u.author_id
     left join organization ao on ao.id = a.organization_id
     where i.id = ? order by u.id`,
    [...visible, ...visible, pk],
  );
  const orgRows = await db.all(
    `select o.id, o.name, io.organization_id as assigned from organization o
     left join issue_organization io on io.organization_id = o.id and io.community_issue_id = ? order by o.name`,
    [pk],
  );
  const organizations = orgRows.map((o) => named('Organization', o.id, o.name)!);
  if (!rows.length) return { issue: null, organizations };
  const i = rows[0];
  const assigned = orgRows
    .filter((o) => o.assigned != null)
    .map((o) => named('Organization', o.id, o.name)!)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const member = viewer != null;
  const mayContact =
    member &&
    i.contact != null &&
    (viewer.role === 'COORDINATOR' || orgRows.some((o) => o.assigned != null && num(o.id) === viewer.organizationPk));
  const location =
    i.lat != null && i.lng != null
      ? member
        ? { lat: i.lat, lng: i.lng, precise: true, address: i.address ?? null, __typename: 'Location' }
        : { lat: coarsen(num(i.lat)), lng: coarsen(num(i.lng)), precise: false, address: null, __typename: 'Location' }
      : { lat: i.center_lat, lng: i.center_lng, precise: false, address: null, __typename: 'Location' };
  const issue = {
    id: gid('CommunityIssue', i.id),
    title: i.title,
    status: i.status,
    category: i.category,
    neighborhood: {
      id: gid('Neighborhood', i.nid),
      name: i.nname,
      __typename: 'Neighborhood',
      boundary: i.boundary ?? null,
      centerLat: i.center_lat,
      centerLng: i.center_lng,
    },
    organizations: assigned,
    supportersCount: num(i.supporters_count),
    updateCount: num(i.update_count),
    reportedAt: db.iso(i.reported_at),
    version: num(i.version),
    __typename: 'CommunityIssue',
    description: i.description,
    priority: i.priority,
    anonymous: Boolean(i.anonymous),
    contact: mayContact ? i.contact : null,
    acknowledgedAt: db.iso(i.acknowledged_at),
    resolvedAt: db.iso(i.resolved_at),
    reporter: member && i.reporter_id != null ? named('Member', i.reporter_id, i.reporter_name) : null,
    location,
    updates: rows
      .filter((u) => u.uid != null)
      .map((u) => ({
        id: gid('IssueUpdate', u.uid),
        kind: u.ukind,
        body: u.body,
        visibility: u.uvisibility,
        createdAt: db.iso(u.ucreated),
        author: member && u.author_id != null ? named('Member', u.author_id, u.author_name) : null,
        organization: u.author_id != null ? named('Organization', u.aoid, u.aoname) : null,
        fromStatus: u.from_status ?? null,
        toStatus: u.to_status ?? null,
        __typename: 'IssueUpdate',
      })),
  };
  return { issue, organizations };
};

/** The server's public coarsening (server/src/common/location.ts): about 100 m. */
const coarsen = (value: number) => Math.round(value * 1000) / 1000;

interface EventFilterVars {
  status?: string[] | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The events list, soonest first: statement 1 the page with neighborhood, host, total and feed
 * position; statement 2 the page's co-hosts, pending invitations and staff in one union.
 */
const events: Read = async (db, viewer, vars) => {
  const first = (vars.first as number | undefined) ?? 50;
  const filter = vars.filter as EventFilterVars | null;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!viewer) parts.push('e.is_public = ?') && params.push(db.dialect === 'sqlite' ? 1 : true);
  if (filter?.status?.length) parts.push(`e.status in (${marks(filter.status)})`) && params.push(...filter.status);
  if (filter?.from) parts.push('e.ends_at >= ?') && params.push(db.dateParam(filter.from));
  if (filter?.to) parts.push('e.starts_at < ?') && params.push(db.dateParam(filter.to));
  const where = parts.length ? parts.join(' and ') : '1 = 1';
  const keyset: unknown[] = [];
  let keysetSql = '';
  if (vars.after) {
    const [at, pk] = decodeCursor(String(vars.after));
    keysetSql = 'and (e.starts_at > ? or (e.starts_at = ? and e.id > ?))';
    keyset.push(db.dateParam(String(at)), db.dateParam(String(at)), pk);
  }
  const rows = await db.all(
    `select e.id, e.title, e.description, e.kind, e.status, e.cancel_reason, e.starts_at, e.ends_at,
       e.location_name, e.is_public, e.capacity, e.rsvp_count, e.version, e.host_id,
       n.id as nid, n.name as nname, h.name as hname,
       (select count(*) from shared_event e where ${where}) as total, ${SEQ} as seq
     from shared_event e left join neighborhood n on n.id = e.neighborhood_id join organization h on h.id = e.host_id
     where ${where} ${keysetSql} order by e.starts_at asc, e.id asc limit ?`,
    [...params, ...params, ...keyset, first + 1],
  );
  const head =
    rows[0] ??
    (await db.all(`select (select count(*) from shared_event e where ${where}) as total, ${SEQ} as seq`, params))[0];
  const page = rows.slice(0, first);
  const related: Row[] = [];
  if (page.length) {
    const ids = page.map((r) => num(r.id));
    const int = 'cast(null as integer)';
    const text = 'cast(null as text)';
    related.push(
      ...(await db.all(
        `select 'c' as t, c.shared_event_id as eid, o.id as oid, o.name as oname, ${int} as xid, ${int} as cnt, ${text} as note
           from event_cohost c join organization o on o.id = c.organization_id where c.shared_event_id in (${marks(ids)})
         union all
         select 'i', v.event_id, o.id, o.name, v.id, ${int}, ${text}
           from event_cohost_invitation v join organization o on o.id = v.organization_id
           where v.status = 'PENDING' and v.event_id in (${marks(ids)})
         union all
         select 's', s.event_id, o.id, o.name, s.id, s.count, s.note
           from staff_commitment s join organization o on o.id = s.organization_id where s.event_id in (${marks(ids)})`,
        [...ids, ...ids, ...ids],
      )),
    );
  }
  // Invitations oldest first; co-hosts and staff by organization name (code-unit order, as the
  // server's byOrganizationName), then key: the server's order on either database.
  const byEvent = (t: string, eid: number) =>
    related
      .filter((r) => r.t === t && num(r.eid) === eid)
      .sort((a, b) =>
        t !== 'i' && a.oname !== b.oname
          ? String(a.oname) < String(b.oname)
            ? -1
            : 1
          : num(a.xid ?? a.oid) - num(b.xid ?? b.oid),
      );
  const staffRole = viewer?.role === 'COORDINATOR' || viewer?.role === 'OFFICER';
  const edges = page.map((e) => {
    const eid = num(e.id);
    const coHosts = byEvent('c', eid);
    const startsAt = db.iso(e.starts_at);
    const host = num(e.host_id);
    const invitations = !viewer
      ? []
      : byEvent('i', eid).filter(
          (v) => staffRole || host === viewer.organizationPk || num(v.oid) === viewer.organizationPk,
        );
    const staff = byEvent('s', eid);
    const node = {
      id: gid('SharedEvent', eid),
      title: e.title,
      description: e.description,
      kind: e.kind,
      status: e.status,
      cancelReason: e.cancel_reason ?? null,
      startsAt,
      endsAt: db.iso(e.ends_at),
      locationName: e.location_name,
      neighborhood: named('Neighborhood', e.nid, e.nname),
      host: named('Organization', host, e.hname),
      coHosts: coHosts.map((c) => named('Organization', c.oid, c.oname)),
      coHostInvitations: invitations.map((v) => ({
        id: gid('CoHostInvitation', v.xid),
        viewerCanRespond: viewer != null && num(v.oid) === viewer.organizationPk,
        organization: named('Organization', v.oid, v.oname),
        __typename: 'CoHostInvitation',
      })),
      isPublic: Boolean(e.is_public),
      capacity: e.capacity == null ? null : num(e.capacity),
      rsvpCount: num(e.rsvp_count),
      staffCount: staff.reduce((sum, s) => sum + num(s.cnt), 0),
      staff: staff.map((s) => ({
        count: num(s.cnt),
        note: s.note ?? null,
        organization: named('Organization', s.oid, s.oname),
        __typename: 'StaffCommitment',
      })),
      viewerCanEdit:
        viewer != null &&
        (staffRole || host === viewer.organizationPk || coHosts.some((c) => num(c.oid) === viewer.organizationPk)),
      version: num(e.version),
      __typename: 'SharedEvent',
    };
    return { cursor: cursor([startsAt, eid]), node, __typename: 'SharedEventEdge' };
  });
  return {
    latestSeq: num(head.seq),
    events: {
      totalCount: num(head.total),
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null, __typename: 'PageInfo' },
      __typename: 'SharedEventConnection',
    },
  };
};

/** The activity page: one statement, the newest entries the viewer may see with their names joined on. */
const activity: Read = async (db, viewer, vars) => {
  const first = (vars.first as number | undefined) ?? 50;
  const visible =
    viewer == null
      ? ['PUBLIC']
      : viewer.role === 'COORDINATOR'
        ? ['PUBLIC', 'MEMBERS', 'COORDINATORS']
        : ['PUBLIC', 'MEMBERS'];
  const rows = await db.all(
    `select a.seq, a.at, a.kind, a.summary, a.actor_id, m.name as mname, a.actor_organization_id as oid,
       o.name as oname, a.issue_id, i.title as ititle, a.event_id, e.title as etitle, ${SEQ} as latest
     from activity a left join member m on m.id = a.actor_id left join organization o on o.id = a.actor_organization_id
     left join community_issue i on i.id = a.issue_id left join shared_event e on e.id = a.event_id
     where a.visibility in (${marks(visible)}) order by a.seq desc limit ?`,
    [...visible, first],
  );
  const latest = rows[0]?.latest ?? (await db.all(`select ${SEQ} as latest`, []))[0].latest;
  return {
    latestSeq: num(latest),
    activities: rows.map((a) => ({
      id: gid('Activity', a.seq),
      seq: num(a.seq),
      at: db.iso(a.at),
      kind: a.kind,
      summary: a.summary,
      actor: viewer ? named('Member', a.actor_id, a.mname) : null,
      actorOrganization: named('Organization', a.oid, a.oname),
      issue:
        a.issue_id == null
          ? null
          : { id: gid('CommunityIssue', a.issue_id), title: a.ititle, __typename: 'CommunityIssue' },
      event:
        a.event_id == null ? null : { id: gid('SharedEvent', a.event_id), title: a.etitle, __typename: 'SharedEvent' },
      __typename: 'Activity',
    })),
  };
};

/** The reads by operation name, as the web app names them. */
export const READS: Record<string, Read> = {
  BoardIssues: (db, viewer, vars) => issuePage(db, viewer, vars, true),
  PublicIssues: (db, viewer, vars) => issuePage(db, viewer, vars, false),
  BoardIssueDrawer: drawer,
  EventsList: events,
  ActivityFeed: activity,
};

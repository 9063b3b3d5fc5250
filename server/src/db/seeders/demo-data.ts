import { IssueCategory, IssueStatus } from '../../modules/issues/issue.enums.js';
import { EventKind } from '../../modules/events/event.enums.js';
import { OrganizationKind } from '../../modules/organizations/organization.entity.js';

type Position = [number, number];

// The demo city's map, drawn like a city's own file: four neighborhoods that tile without gaps
// or overlaps. Old Town and Eastside meet along the river; Northgate lies north of both and
// Riverfront south, each sharing the border's very vertices (lng, lat).
const RIVER: Position[] = [
  [-122.666, 45.537],
  [-122.669, 45.531],
  [-122.664, 45.526],
  [-122.667, 45.52],
  [-122.665, 45.515],
  [-122.668, 45.511],
];
/** Northgate's southern border, west to east; it meets the river at its first point. */
const NORTH_WEST: Position[] = [
  [-122.697, 45.536],
  [-122.685, 45.539],
  [-122.674, 45.535],
];
const NORTH_EAST: Position[] = [
  [-122.655, 45.54],
  [-122.642, 45.536],
  [-122.63, 45.538],
  [-122.619, 45.535],
];
/** Riverfront's northern border, west to east; it meets the river at its last point. */
const SOUTH_WEST: Position[] = [
  [-122.694, 45.512],
  [-122.684, 45.509],
  [-122.675, 45.513],
];
const SOUTH_EAST: Position[] = [
  [-122.657, 45.514],
  [-122.645, 45.51],
  [-122.632, 45.513],
  [-122.621, 45.511],
];
const reversed = (line: Position[]) => [...line].reverse();
const ring = (...lines: Position[][]): Position[] => {
  const points = lines.flat();
  return [...points, points[0]];
};

export const NEIGHBORHOODS: { name: string; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[] = [
  {
    // Laurelhurst Park is a hole: a point in the park is in no neighborhood.
    name: 'Eastside',
    geometry: {
      type: 'Polygon',
      coordinates: [
        ring([RIVER[0]], NORTH_EAST, [[-122.616, 45.523]], reversed(SOUTH_EAST), reversed(RIVER).slice(0, -1)),
        ring([
          [-122.632, 45.519],
          [-122.625, 45.519],
          [-122.624, 45.524],
          [-122.631, 45.525],
        ]),
      ],
    },
  },
  {
    name: 'Old Town',
    geometry: {
      type: 'Polygon',
      coordinates: [ring(NORTH_WEST, RIVER, reversed(SOUTH_WEST), [[-122.699, 45.524]])],
    },
  },
  {
    name: 'Northgate',
    geometry: {
      type: 'Polygon',
      coordinates: [
        ring(NORTH_WEST, [RIVER[0]], NORTH_EAST, [
          [-122.621, 45.55],
          [-122.618, 45.562],
          [-122.64, 45.565],
          [-122.662, 45.561],
          [-122.684, 45.564],
          [-122.699, 45.558],
        ]),
      ],
    },
  },
  {
    // Ross Island, in the river south of the mainland, is part of Riverfront.
    name: 'Riverfront',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          ring(SOUTH_WEST, [RIVER[RIVER.length - 1]], SOUTH_EAST, [
            [-122.619, 45.5],
            [-122.624, 45.492],
            [-122.645, 45.494],
            [-122.66, 45.491],
            [-122.672, 45.495],
            [-122.686, 45.492],
            [-122.696, 45.497],
          ]),
        ],
        [
          ring([
            [-122.668, 45.4875],
            [-122.664, 45.4865],
            [-122.662, 45.4835],
            [-122.666, 45.4825],
            [-122.669, 45.485],
          ]),
        ],
      ],
    },
  },
];

export const ORGANIZATIONS: { name: string; kind: OrganizationKind; serves: string[] }[] = [
  {
    name: 'Riverside Police Department',
    kind: OrganizationKind.AGENCY,
    serves: ['Eastside', 'Old Town', 'Northgate', 'Riverfront'],
  },
  { name: 'Eastside Youth Alliance', kind: OrganizationKind.YOUTH, serves: ['Eastside', 'Northgate'] },
  { name: 'Riverside Community Health', kind: OrganizationKind.HEALTH, serves: ['Eastside', 'Old Town', 'Riverfront'] },
  { name: 'Old Town Neighbors Association', kind: OrganizationKind.NEIGHBORHOOD, serves: ['Old Town'] },
  { name: 'Northgate High School', kind: OrganizationKind.SCHOOL, serves: ['Northgate'] },
  { name: 'Grace Street Fellowship', kind: OrganizationKind.FAITH, serves: ['Riverfront', 'Old Town'] },
];

export const DEMO_PASSWORD = 'demo-password';

export const MEMBERS = [
  { name: 'Dana Whitfield', email: 'coordinator@demo.test', role: 'COORDINATOR', org: 'Riverside Police Department' },
  { name: 'Officer Luis Ortega', email: 'officer@demo.test', role: 'OFFICER', org: 'Riverside Police Department' },
  { name: 'Sam Rivera', email: 'partner@demo.test', role: 'PARTNER', org: 'Eastside Youth Alliance' },
  { name: 'Priya Natarajan', email: 'health@demo.test', role: 'PARTNER', org: 'Riverside Community Health' },
  { name: 'Walt Kowalski', email: 'neighbors@demo.test', role: 'PARTNER', org: 'Old Town Neighbors Association' },
] as const;

export interface DemoIssue {
  title: string;
  description: string;
  category: IssueCategory;
  neighborhood: string;
  status: IssueStatus;
  assign: string[];
  daysAgo: number;
}

const I = IssueCategory;
const S = IssueStatus;
const YOUTH = 'Eastside Youth Alliance';
const HEALTH = 'Riverside Community Health';
const NEIGHBORS = 'Old Town Neighbors Association';
const SCHOOL = 'Northgate High School';
const FAITH = 'Grace Street Fellowship';

export const ISSUES: DemoIssue[] = [
  {
    title: 'Streetlight out on Alder & 12th',
    description: 'The corner has been dark for a week; people cross in the dark.',
    category: I.LIGHTING,
    neighborhood: 'Eastside',
    status: S.OPEN,
    assign: [],
    daysAgo: 1,
  },
  {
    title: 'Cars speeding past Jefferson Park',
    description: 'Drivers do 40+ in the school zone around 3pm.',
    category: I.TRAFFIC,
    neighborhood: 'Northgate',
    status: S.ACKNOWLEDGED,
    assign: [SCHOOL],
    daysAgo: 6,
  },
  {
    title: 'Graffiti on the Burnside underpass',
    description: 'New tags every weekend on the pedestrian underpass.',
    category: I.GRAFFITI,
    neighborhood: 'Old Town',
    status: S.IN_PROGRESS,
    assign: [NEIGHBORS],
    daysAgo: 12,
  },
  {
    title: 'Loud music after midnight on Pine St',
    description: 'A house party most Fridays until 3am.',
    category: I.NOISE,
    neighborhood: 'Old Town',
    status: S.RESOLVED,
    assign: [NEIGHBORS],
    daysAgo: 25,
  },
  {
    title: 'Teens with nowhere to go after school',
    description: 'The rec center closed early this term; kids are hanging around the lot.',
    category: I.YOUTH,
    neighborhood: 'Eastside',
    status: S.IN_PROGRESS,
    assign: [YOUTH],
    daysAgo: 15,
  },
  {
    title: 'Needles found near the river path',
    description: 'Several used needles by the bench at the north end of the path.',
    category: I.HEALTH,
    neighborhood: 'Riverfront',
    status: S.ACKNOWLEDGED,
    assign: [HEALTH],
    daysAgo: 3,
  },
  {
    title: 'Abandoned car on Division',
    description: 'A silver sedan with flat tyres parked for three weeks.',
    category: I.TRAFFIC,
    neighborhood: 'Eastside',
    status: S.OPEN,
    assign: [],
    daysAgo: 2,
  },
  {
    title: 'Broken fence at Northgate field',
    description: 'The fence by the bleachers is down; kids climb onto the rail line.',
    category: I.SAFETY,
    neighborhood: 'Northgate',
    status: S.IN_PROGRESS,
    assign: [SCHOOL],
    daysAgo: 9,
  },
  {
    title: 'Illegal dumping behind the laundromat',
    description: 'Mattresses and paint cans piled up in the alley.',
    category: I.ENVIRONMENT,
    neighborhood: 'Riverfront',
    status: S.OPEN,
    assign: [],
    daysAgo: 4,
  },
  {
    title: 'Unsafe crosswalk at 5th & Oak',
    description: 'Faded paint and no signal; two near misses this month.',
    category: I.TRAFFIC,
    neighborhood: 'Old Town',
    status: S.ACKNOWLEDGED,
    assign: [NEIGHBORS],
    daysAgo: 8,
  },
  {
    title: 'Vacant house with broken windows',
    description: 'Windows smashed and the door open at 214 Elm.',
    category: I.HOUSING,
    neighborhood: 'Eastside',
    status: S.OPEN,
    assign: [],
    daysAgo: 5,
  },
  {
    title: 'Dark stairway to the river path',
    description: 'The stair lights are out; people avoid it after dusk.',
    category: I.LIGHTING,
    neighborhood: 'Riverfront',
    status: S.RESOLVED,
    assign: [FAITH],
    daysAgo: 30,
  },
  {
    title: 'Fights at the bus stop after games',
    description: 'Groups gather at the 72 stop after Friday games.',
    category: I.YOUTH,
    neighborhood: 'Northgate',
    status: S.ACKNOWLEDGED,
    assign: [YOUTH, SCHOOL],
    daysAgo: 7,
  },
  {
    title: 'Overdose response training request',
    description: 'Shop owners on Front St want naloxone training.',
    category: I.HEALTH,
    neighborhood: 'Riverfront',
    status: S.IN_PROGRESS,
    assign: [HEALTH],
    daysAgo: 18,
  },
  {
    title: 'Car break-ins on Couch St',
    description: 'Three cars broken into on the same block this week.',
    category: I.SAFETY,
    neighborhood: 'Old Town',
    status: S.OPEN,
    assign: [],
    daysAgo: 1,
  },
  {
    title: 'Leaf fire smoke in the evenings',
    description: 'Someone burns yard waste most evenings; smoke fills the street.',
    category: I.ENVIRONMENT,
    neighborhood: 'Northgate',
    status: S.CLOSED,
    assign: [],
    daysAgo: 20,
  },
  {
    title: 'Construction noise before 7am',
    description: 'The site on Glisan starts jackhammering at 6am.',
    category: I.NOISE,
    neighborhood: 'Eastside',
    status: S.RESOLVED,
    assign: [],
    daysAgo: 22,
  },
  {
    title: 'Tagging on the school gym wall',
    description: 'Large tags on the east wall of the gym.',
    category: I.GRAFFITI,
    neighborhood: 'Northgate',
    status: S.RESOLVED,
    assign: [SCHOOL],
    daysAgo: 28,
  },
  {
    title: 'Elderly neighbor not seen for days',
    description: 'Mail piling up at the blue house on Ash; she lives alone.',
    category: I.HEALTH,
    neighborhood: 'Old Town',
    status: S.RESOLVED,
    assign: [HEALTH, NEIGHBORS],
    daysAgo: 14,
  },
  {
    title: 'Potholes on Water Ave',
    description: 'Deep potholes by the loading docks; cyclists swerve into traffic.',
    category: I.TRAFFIC,
    neighborhood: 'Riverfront',
    status: S.OPEN,
    assign: [],
    daysAgo: 3,
  },
  {
    title: 'Encampment blocking the sidewalk',
    description: 'Tents fully block the sidewalk on 3rd; wheelchairs cannot pass.',
    category: I.HOUSING,
    neighborhood: 'Old Town',
    status: S.IN_PROGRESS,
    assign: [HEALTH, FAITH],
    daysAgo: 11,
  },
  {
    title: 'Youth basketball court lights broken',
    description: 'The court lights are off so games end at sunset.',
    category: I.YOUTH,
    neighborhood: 'Eastside',
    status: S.OPEN,
    assign: [YOUTH],
    daysAgo: 2,
  },
  {
    title: 'Dog off leash attacking pets',
    description: 'A large dog off leash in Laurel Park bit two dogs.',
    category: I.SAFETY,
    neighborhood: 'Northgate',
    status: S.ACKNOWLEDGED,
    assign: [],
    daysAgo: 5,
  },
  {
    title: 'Storm drain clogged on Salmon St',
    description: 'Water pools across the whole street when it rains.',
    category: I.ENVIRONMENT,
    neighborhood: 'Riverfront',
    status: S.RESOLVED,
    assign: [],
    daysAgo: 26,
  },
  {
    title: 'Drag racing on Marine Dr at night',
    description: 'Cars race on Saturday nights around 1am.',
    category: I.TRAFFIC,
    neighborhood: 'Riverfront',
    status: S.IN_PROGRESS,
    assign: [],
    daysAgo: 16,
  },
  {
    title: 'Request: more patrols near the library',
    description: 'Staff feel unsafe closing up at 8pm.',
    category: I.SAFETY,
    neighborhood: 'Eastside',
    status: S.CLOSED,
    assign: [],
    daysAgo: 19,
  },
  {
    title: 'Barking dog all night on Lincoln',
    description: 'A dog left outside barks all night.',
    category: I.NOISE,
    neighborhood: 'Northgate',
    status: S.OPEN,
    assign: [],
    daysAgo: 1,
  },
  {
    title: 'Mural defaced at the community garden',
    description: 'The kids\u2019 mural was painted over.',
    category: I.GRAFFITI,
    neighborhood: 'Eastside',
    status: S.ACKNOWLEDGED,
    assign: [YOUTH],
    daysAgo: 4,
  },
  {
    title: 'Mold in the Riverside Apartments hallway',
    description: 'Tenants report mold and no response from management.',
    category: I.HOUSING,
    neighborhood: 'Riverfront',
    status: S.ACKNOWLEDGED,
    assign: [HEALTH],
    daysAgo: 10,
  },
  {
    title: 'Flickering lights in the Old Town parking garage',
    description: 'Level 2 is half dark.',
    category: I.LIGHTING,
    neighborhood: 'Old Town',
    status: S.IN_PROGRESS,
    assign: [NEIGHBORS],
    daysAgo: 13,
  },
  {
    title: 'Lost kids at the Saturday market',
    description: 'Two children separated from parents in a month; no meeting point.',
    category: I.OTHER,
    neighborhood: 'Old Town',
    status: S.OPEN,
    assign: [],
    daysAgo: 2,
  },
  {
    title: 'Scooters left across the river path',
    description: 'Rental scooters dumped across the path every morning.',
    category: I.OTHER,
    neighborhood: 'Riverfront',
    status: S.CLOSED,
    assign: [],
    daysAgo: 21,
  },
  {
    title: 'Vaping in the school bathrooms',
    description: 'Parents ask for a health talk for students.',
    category: I.HEALTH,
    neighborhood: 'Northgate',
    status: S.OPEN,
    assign: [SCHOOL, HEALTH],
    daysAgo: 3,
  },
];

export interface DemoEvent {
  title: string;
  description: string;
  kind: EventKind;
  host: string;
  coHosts: string[];
  neighborhood: string;
  locationName: string;
  /** Days from now; negative for past events. */
  inDays: number;
  hours: number;
  capacity: number | null;
  staff: { org: string; count: number }[];
  rsvps: number;
}

export const EVENTS: DemoEvent[] = [
  {
    title: 'Eastside town hall on safety',
    description: 'Open meeting with officers and partners.',
    kind: EventKind.TOWN_HALL,
    host: 'Riverside Police Department',
    coHosts: [YOUTH],
    neighborhood: 'Eastside',
    locationName: 'Eastside Library, room 2',
    inDays: 3,
    hours: 2,
    capacity: 80,
    staff: [
      { org: 'Riverside Police Department', count: 3 },
      { org: YOUTH, count: 2 },
    ],
    rsvps: 4,
  },
  {
    title: 'Friday night hoops',
    description: 'Supervised basketball for teens, 7–10pm.',
    kind: EventKind.YOUTH_PROGRAM,
    host: YOUTH,
    coHosts: ['Riverside Police Department'],
    neighborhood: 'Eastside',
    locationName: 'Laurelhurst rec center gym',
    inDays: 5,
    hours: 3,
    capacity: 60,
    staff: [{ org: YOUTH, count: 4 }],
    rsvps: 6,
  },
  {
    title: 'Riverfront health fair',
    description: 'Free screenings, naloxone training, flu shots.',
    kind: EventKind.HEALTH_FAIR,
    host: HEALTH,
    coHosts: [FAITH],
    neighborhood: 'Riverfront',
    locationName: 'Grace Street hall',
    inDays: 9,
    hours: 5,
    capacity: 200,
    staff: [
      { org: HEALTH, count: 6 },
      { org: FAITH, count: 3 },
    ],
    rsvps: 8,
  },
  {
    title: 'Old Town community walk',
    description: 'Walk the blocks with officers and neighbors; note lights and hazards.',
    kind: EventKind.COMMUNITY_WALK,
    host: NEIGHBORS,
    coHosts: ['Riverside Police Department'],
    neighborhood: 'Old Town',
    locationName: 'Meet at Ankeny Square',
    inDays: 2,
    hours: 2,
    capacity: null,
    staff: [
      { org: NEIGHBORS, count: 2 },
      { org: 'Riverside Police Department', count: 2 },
    ],
    rsvps: 3,
  },
  {
    title: 'River path cleanup',
    description: 'Gloves and bags provided.',
    kind: EventKind.CLEANUP,
    host: FAITH,
    coHosts: [],
    neighborhood: 'Riverfront',
    locationName: 'North trailhead',
    inDays: 12,
    hours: 3,
    capacity: 40,
    staff: [],
    rsvps: 2,
  },
  {
    title: 'Northgate parents and students safety forum',
    description: 'Traffic around the school and the bus stop fights.',
    kind: EventKind.TOWN_HALL,
    host: SCHOOL,
    coHosts: ['Riverside Police Department', YOUTH],
    neighborhood: 'Northgate',
    locationName: 'Northgate High auditorium',
    inDays: 16,
    hours: 2,
    capacity: 300,
    staff: [{ org: SCHOOL, count: 5 }],
    rsvps: 5,
  },
  {
    title: 'Partners monthly coordination meeting',
    description: 'Members only: review open issues and staffing.',
    kind: EventKind.MEETING,
    host: 'Riverside Police Department',
    coHosts: [],
    neighborhood: 'Old Town',
    locationName: 'Precinct community room',
    inDays: 7,
    hours: 1,
    capacity: 30,
    staff: [],
    rsvps: 0,
  },
  {
    title: 'Teen job skills workshop',
    description: 'Resumes and interviews with local employers.',
    kind: EventKind.YOUTH_PROGRAM,
    host: YOUTH,
    coHosts: [SCHOOL],
    neighborhood: 'Northgate',
    locationName: 'Northgate High library',
    inDays: 20,
    hours: 2,
    capacity: 25,
    staff: [{ org: YOUTH, count: 2 }],
    rsvps: 3,
  },
  {
    title: 'Coffee with a cop',
    description: 'Informal chat, coffee on us.',
    kind: EventKind.OTHER,
    host: 'Riverside Police Department',
    coHosts: [NEIGHBORS],
    neighborhood: 'Old Town',
    locationName: 'Stumptown café',
    inDays: -4,
    hours: 2,
    capacity: null,
    staff: [],
    rsvps: 0,
  },
  {
    title: 'Eastside spring cleanup',
    description: 'Alleys and the community garden.',
    kind: EventKind.CLEANUP,
    host: YOUTH,
    coHosts: [FAITH],
    neighborhood: 'Eastside',
    locationName: 'Community garden gate',
    inDays: -10,
    hours: 4,
    capacity: 50,
    staff: [],
    rsvps: 0,
  },
  {
    title: 'Flu shot clinic',
    description: 'Walk-in flu shots.',
    kind: EventKind.HEALTH_FAIR,
    host: HEALTH,
    coHosts: [],
    neighborhood: 'Riverfront',
    locationName: 'Riverside Community Health clinic',
    inDays: -18,
    hours: 6,
    capacity: 150,
    staff: [],
    rsvps: 0,
  },
  {
    title: 'Riverfront night walk',
    description: 'Checking the path lights with residents.',
    kind: EventKind.COMMUNITY_WALK,
    host: 'Riverside Police Department',
    coHosts: [FAITH],
    neighborhood: 'Riverfront',
    locationName: 'Salmon St fountain',
    inDays: -25,
    hours: 2,
    capacity: null,
    staff: [],
    rsvps: 0,
  },
];

export const RESIDENT_NAMES = [
  'Maria G.',
  'Tom B.',
  'Aisha K.',
  'Jon P.',
  'Lena W.',
  'Carlos R.',
  'Mei L.',
  'Frank D.',
];

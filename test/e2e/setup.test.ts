import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.js';
import { launchBrowser, newPerson, screenshot } from '../support/browser.js';

// A new city, in real headless Chromium against a real server on an empty database: whoever
// installed it opens the setup link from the log, becomes the first coordinator, adds a
// neighborhood; a resident reports an issue there, and the coordinator sees it on the board.
// The coordinator's computer is set to Paris while the partnership is in Chicago: every time the
// board shows must be Chicago's.

const PARTNERSHIP = 'Riverside Community Partnership';
const COORDINATOR = { name: 'Cora Coordinator', email: 'cora@riverside.example', password: 'a long walk by the river' };
const ISSUE = 'Streetlight out on Alder and 12th';
const ZONE = 'America/Chicago';

let server: TestServer;
let browser: Browser;
let coordinator: Page;

/** A closed ring around (lat, lng), as GeoJSON Polygon text. */
function square(lat: number, lng: number, half = 0.01): string {
  const ring = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** "3:14 AM" at `iso` in `timeZone`, spaces normalized (Chromium and Node may differ there). */
function clock(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  coordinator = (await newPerson(browser, server.app.url, { timezoneId: 'Europe/Paris' })).page;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new city, from the setup link to a first issue on the board', () => {
  it('prints a setup link, and the public page points to it instead of an empty board', async () => {
    expect(server.app.setupUrl).toMatch(/\/setup\?code=[A-Za-z0-9_-]{43}$/);
    const { context, page } = await newPerson(browser, server.app.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'This board is not set up yet' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bridgeboard');
    await screenshot(page, 'setup-0-public-before-setup');
    await context.close();
  });

  it('sets up the partnership and signs the first coordinator in, in the admin area', async () => {
    const link = new URL(server.app.setupUrl ?? '');
    await coordinator.goto(`${link.pathname}${link.search}`);
    // The header has its own sign-in form (Email, Password): the setup form is the page's.
    const form = coordinator.getByRole('main');
    await form.getByLabel('Partnership name').waitFor();
    // The zone starts as the one the computer is in.
    expect(await form.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');
    await screenshot(coordinator, 'setup-1-form');

    await form.getByLabel('Partnership name').fill(PARTNERSHIP);
    await form.getByLabel('Time zone').fill(ZONE);
    await form.getByText('Central Time (America/Chicago): it is').waitFor();
    await form.getByLabel('Default language').selectOption({ label: 'English' });
    await form.getByLabel('Police agency').fill('Riverside Police Department');
    await form.getByLabel('Your name').fill(COORDINATOR.name);
    await form.getByLabel('Email', { exact: true }).fill(COORDINATOR.email);
    await form.getByLabel('Password', { exact: true }).fill(COORDINATOR.password);
    await form.getByLabel('Confirm password').fill(`${COORDINATOR.password}.`);
    await form.getByRole('button', { name: 'Set up Bridgeboard' }).click();
    await form.getByText('The two passwords are not the same.').waitFor();
    await screenshot(coordinator, 'setup-2-form-error');

    await form.getByLabel('Confirm password').fill(COORDINATOR.password);
    await form.getByRole('button', { name: 'Set up Bridgeboard' }).click();
    await coordinator.getByText(`Signed in as ${COORDINATOR.name}`).waitFor({ timeout: 10_000 });
    await coordinator.waitForURL((url) => url.pathname.startsWith('/admin'));
    const brand = await coordinator.getByRole('heading', { level: 1 }).textContent();
    expect(brand?.replace(/\s+/g, ' ')).toBe(`Bridgeboard · ${PARTNERSHIP}`);
    expect(await coordinator.title()).toBe(`${PARTNERSHIP} · Bridgeboard`);
    await screenshot(coordinator, 'setup-3-signed-in');

    // Setup is closed for good: the same link now says so.
    const again = await newPerson(browser, server.app.url);
    await again.page.goto(`${link.pathname}${link.search}`);
    await again.page.getByText('Setup is complete: sign in with the form at the top of the page.').waitFor();
    await again.context.close();
  });

  it('lets a resident report an issue in the neighborhood the coordinator added', async () => {
    const token = await coordinator.evaluate(() => localStorage.getItem('bridgeboard.token'));
    expect(token).toBeTruthy();
    const created = await server.gql(
      'mutation($input: CreateNeighborhoodInput!) { createNeighborhood(input: $input) { id name } }',
      { input: { name: 'Laurel Heights', boundary: square(41.88, -87.63) } },
      token,
    );
    expect(created.errors).toBeUndefined();

    const { context, page } = await newPerson(browser, server.app.url);
    await page.goto('/report');
    await page.getByLabel('Title').fill(ISSUE);
    await page.getByLabel('Category').selectOption({ label: 'Lighting' });
    await page.getByLabel('Neighborhood').selectOption({ label: 'Laurel Heights' });
    await screenshot(page, 'setup-4-report-form');
    await page.getByRole('button', { name: 'Report issue' }).click();
    await page.getByRole('heading', { name: 'Thank you: your report was received' }).waitFor();
    await screenshot(page, 'setup-5-reported');
    await context.close();
  });

  it('shows the issue on the coordinator’s board, its time in the partnership’s zone', async () => {
    await coordinator.goto('/board');
    const open = coordinator.getByRole('region', { name: 'Open', exact: true });
    const card = open.getByRole('article', { name: ISSUE });
    await card.waitFor({ timeout: 10_000 });
    await screenshot(coordinator, 'setup-6-board');

    const stored = await server.gql(`{ issues(filter: { search: "Alder" }) { edges { node { reportedAt } } } }`, {});
    const reportedAt: string = stored.data.issues.edges[0].node.reportedAt;
    const title = (await card.locator('time').first().getAttribute('title'))?.replace(/\s+/g, ' ') ?? '';
    expect(title).toContain(clock(reportedAt, ZONE));
    expect(title).not.toContain(clock(reportedAt, 'Europe/Paris'));
  });

  it('says in which zone event times are typed', async () => {
    await coordinator.goto('/events/new');
    await coordinator.getByText('Times are in Central Time (America/Chicago).').waitFor();
    await screenshot(coordinator, 'setup-7-event-form-zone');
  });

  it('lets an invited officer choose a password and land on the board; the link then says it was used', async () => {
    const token = await coordinator.evaluate(() => localStorage.getItem('bridgeboard.token'));
    const orgs = await server.gql('{ organizations { id name } }', {}, token);
    const agency = orgs.data.organizations.find((o: { name: string }) => o.name === 'Riverside Police Department');
    const invited = await server.gql(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { inviteUrl } }',
      {
        input: { email: 'oscar@riverside.example', name: 'Oscar Officer', role: 'OFFICER', organizationId: agency.id },
      },
      token,
    );
    expect(invited.errors).toBeUndefined();
    const link = new URL(invited.data.inviteMember.inviteUrl);
    expect(link.pathname).toBe('/invitation');

    const { context, page } = await newPerson(browser, server.app.url);
    await page.goto(`${link.pathname}${link.search}`);
    const form = page.getByRole('main');
    await form.getByText('You are invited to join Riverside Police Department as an officer.').waitFor();
    expect(await form.getByLabel('Your name').inputValue()).toBe('Oscar Officer');
    await form.getByLabel('Password', { exact: true }).fill('patrol the river path');
    await form.getByLabel('Confirm password').fill('patrol the river path');
    await screenshot(page, 'setup-8-invitation');
    await form.getByRole('button', { name: 'Join and sign in' }).click();
    await page.getByText('Signed in as Oscar Officer').waitFor({ timeout: 10_000 });
    await page.getByRole('region', { name: 'Community issues' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/board');
    await screenshot(page, 'setup-9-officer-board');
    await context.close();

    const later = await newPerson(browser, server.app.url);
    await later.page.goto(`${link.pathname}${link.search}`);
    await later.page.getByRole('alert').getByText('This invitation has already been used').waitFor();
    await screenshot(later.page, 'setup-10-invitation-used');
    await later.context.close();
  });
});

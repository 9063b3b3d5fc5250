import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.js';
import { TEST_PASSWORD } from '../support/fixtures.js';
import { launchBrowser, newPerson, screenshot } from '../support/browser.js';

// A coordinator runs the partnership from the admin area in real Chromium against the real
// server: imports the city's GeoJSON through the file input, sees the shapes and the result,
// invites a member; the invitee follows the link in a browser of their own.

let server: TestServer;
let browser: Browser;
let coordinator: Page;

type Ring = [number, number][];
const box = (lng: number, lat: number, w: number, h: number): Ring => [
  [lng, lat],
  [lng + w, lat],
  [lng + w, lat + h],
  [lng, lat + h],
  [lng, lat],
];

/** The city's file: two good features (one a MultiPolygon with a hole), a bad ring, a nameless one. */
const CITY = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { district: 'Eastside', beat: 11 },
      geometry: { type: 'Polygon', coordinates: [box(-122.66, 45.51, 0.04, 0.025)] },
    },
    {
      type: 'Feature',
      properties: { district: 'Riverbend', beat: 12 },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [box(-122.7, 45.51, 0.035, 0.025), box(-122.69, 45.517, 0.01, 0.008)],
          [box(-122.7, 45.54, 0.015, 0.01)],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { district: 'Old Town', beat: 13 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-122.62, 45.51],
            [-122.6, 45.51],
            [-122.6, 45.53],
            [-122.62, 45.52],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { beat: 14 },
      geometry: { type: 'Polygon', coordinates: [box(-122.58, 45.51, 0.01, 0.01)] },
    },
  ],
};

async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The public page has a "Community issues" region too: wait for the member's own header.
  await page.getByText('Signed in as').waitFor();
  await page.getByRole('region', { name: 'Community issues' }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  coordinator = (await newPerson(browser, server.app.url)).page;
  await signIn(coordinator, server.basics.emails.coordinator);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the admin area', () => {
  it('is not offered to an officer, and says so when opened', async () => {
    const { page, context } = await newPerson(browser, server.app.url);
    await signIn(page, server.basics.emails.officer);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto('/admin/members');
    await page.getByText('Only coordinators can open the admin area.').waitFor();
    await context.close();
  });

  it('imports the city’s GeoJSON file and draws every shape, with the result by feature', async () => {
    await coordinator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await coordinator.getByRole('heading', { name: 'Settings' }).waitFor();
    await coordinator.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Neighborhoods' }).click();
    expect(new URL(coordinator.url()).pathname).toBe('/admin/neighborhoods');

    const form = coordinator.getByRole('group', { name: 'Import from a GeoJSON file' });
    await form.getByLabel('GeoJSON file').setInputFiles({
      name: 'districts.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(CITY)),
    });
    await form.getByText('districts.geojson: 4 features.').waitFor();
    await form.getByLabel('Name property').selectOption('district');
    await form.getByLabel('Retire neighborhoods missing from the file').check();
    await form.getByRole('button', { name: 'Import' }).click();

    const summary = coordinator.getByRole('region', { name: /Import finished; 2 features were refused/ });
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toMatch(/Created\s*1: Riverbend/);
    expect(text).toMatch(/Updated\s*1: Eastside/);
    // Westside was never used: deleted rather than retired.
    expect(text).toMatch(/Deleted\s*1: Westside/);
    expect(text).toMatch(/Feature 2 \(“Old Town”\)/);
    expect(text).toMatch(/Feature 3 \(no name\)/);

    const map = coordinator.getByRole('img', { name: /^Map of 2 neighborhoods/ });
    await map.waitFor();
    expect(await map.locator('path.admin-map__area').count()).toBe(2);
    // Riverbend: two islands and a hole, one path of three rings.
    const paths = await map.locator('path.admin-map__area').evaluateAll((els) => els.map((e) => e.getAttribute('d')));
    expect(paths.map((d) => (d ?? '').split('M').length - 1).sort()).toEqual([1, 3]);
    await screenshot(coordinator, 'admin-01-neighborhoods-imported');

    const stored = await server.gql('{ neighborhoods { name boundary } }');
    expect(stored.data.neighborhoods.map((n: { name: string }) => n.name)).toEqual(['Eastside', 'Riverbend']);
  });

  it('retires a neighborhood after asking, and the map shows it dashed', async () => {
    const row = coordinator.getByRole('row', { name: /Riverbend/ });
    await row.getByRole('button', { name: 'Retire' }).click();
    await row.getByRole('button', { name: 'Yes, retire' }).click();
    await row.getByText('Riverbend is retired.').waitFor();
    await coordinator.getByRole('img', { name: /1 retired/ }).waitFor();
    expect(await coordinator.locator('path.admin-map__area.is-retired').count()).toBe(1);
    await screenshot(coordinator, 'admin-02-neighborhood-retired');
  });

  it('invites a member; the invitee opens the link in their own browser and is signed in', async () => {
    await coordinator
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Members and invitations' })
      .click();
    const form = coordinator.getByRole('group', { name: 'Invite someone' });
    await form.getByLabel('Email').fill('dana@test.local');
    await form.getByLabel('Name').fill('Dana Lee');
    await form.getByLabel('Organization').selectOption({ label: 'Youth Alliance' });
    expect(await form.getByLabel('Role').locator('option').allTextContents()).toEqual(['Partner', 'Coordinator']);
    await form.getByRole('button', { name: 'Invite' }).click();

    const link = coordinator.getByLabel('Invitation link');
    await link.waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invitation\?code=[A-Za-z0-9_-]{43}$/);
    await coordinator.getByText(/It was not emailed/).waitFor();
    await coordinator
      .getByRole('row', { name: /dana@test\.local/ })
      .getByText(/^Pending/)
      .waitFor();
    await screenshot(coordinator, 'admin-03-invitation-link');

    const invitee = (await newPerson(browser, server.app.url)).page;
    const url = new URL(inviteUrl);
    await invitee.goto(`${url.pathname}${url.search}`);
    await acceptOnPage(invitee);
    await screenshot(invitee, 'admin-04-invitee-signed-in');

    await coordinator.reload();
    await coordinator
      .getByRole('row', { name: /dana@test\.local/ })
      .getByText(/^Accepted/)
      .waitFor();
    await coordinator.getByRole('rowheader', { name: 'Dana Lee' }).waitFor();
  });
});

/** The invitation page: the invitee picks a password and lands signed in on the board. */
async function acceptOnPage(page: Page): Promise<void> {
  const password = 'a long invitee password';
  const form = page.getByRole('main');
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByLabel('Confirm password').fill(password);
  await form.getByRole('button', { name: 'Join and sign in' }).click();
  await page.getByText('Signed in as Dana Lee').waitFor({ timeout: 10_000 });
  await page.getByRole('region', { name: 'Community issues' }).waitFor();
}

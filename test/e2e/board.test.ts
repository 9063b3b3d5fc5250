import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue, buildMember } from '../support/factories.js';
import { collect, connected } from '../support/live.js';
import { TEST_PASSWORD } from '../support/fixtures.js';
import { launchBrowser, newPerson, screenshot } from '../support/browser.js';

// An officer and a partner on the board in two browsers, a resident on the public page:
// what each of them notices, live, in real headless Chromium against the real server.

let server: TestServer;
let browser: Browser;
let officerPage: Page;
let partnerPage: Page;
const SHARED = 'Broken swing in Laurel Park';
const OTHER = 'Graffiti on the library wall';
const CONFLICTED = 'Dark alley behind the market';

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const card = (page: Page, columnName: string, title: string) =>
  column(page, columnName).getByRole('article', { name: title });

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Community issues' }).waitFor();
  await page.getByRole('status', { name: 'Connection' }).getByText('Live', { exact: true }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  const officer = await server.login(server.basics.emails.officer);
  const shared = await buildIssue(server, { title: SHARED, category: 'YOUTH' });
  await server.gql(
    'mutation($id: ID!, $orgs: [ID!]!) { assignIssue(id: $id, organizationIds: $orgs) { id } }',
    { id: shared.id, orgs: [server.basics.orgs.youth] },
    officer,
  );
  await buildIssue(server, { title: OTHER, category: 'GRAFFITI' });
  await buildIssue(server, { title: CONFLICTED, category: 'LIGHTING' });

  browser = await launchBrowser();
  officerPage = (await newPerson(browser, server.app.url)).page;
  partnerPage = (await newPerson(browser, server.app.url)).page;
  await signIn(officerPage, server.basics.emails.officer);
  await signIn(partnerPage, server.basics.emails.partner);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the live board', () => {
  it('shows both people the same columns', async () => {
    for (const page of [officerPage, partnerPage]) {
      await card(page, 'Open', SHARED).waitFor();
      await card(page, 'Open', OTHER).waitFor();
    }
    // Each sees the other on the board now.
    await officerPage.getByRole('list', { name: 'On the board now' }).getByText('Paula Partner').waitFor();
    await partnerPage.getByRole('list', { name: 'On the board now' }).getByText('Oscar Officer').waitFor();
    await screenshot(officerPage, '01-officer-board');
  });

  it('presence: names the first few on the board and counts the others, live', async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    // Five more people with the board open (sorted after Oscar and Paula): seven in all.
    const feeds = [];
    for (const name of ['Wes Adams', 'Wes Brown', 'Wes Clark', 'Wes Davis', 'Wes Evans']) {
      const { email } = await buildMember(server, coordinator, { name, password: TEST_PASSWORD });
      const client = server.ws(await server.login(email));
      feeds.push(collect(client, 'subscription { presence(share: true) { count } }'));
      await connected(client);
    }
    const list = officerPage.getByRole('list', { name: 'On the board now' });
    const more = officerPage.getByText(/^and 2 others/);
    await more.waitFor();
    expect(await more.textContent()).toBe('and 2 others also on the board (6 in all)');
    // Oscar is the viewer; the first five by name are Oscar, Paula and three of the five.
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);
    for (const name of ['Paula Partner', 'Wes Adams', 'Wes Brown', 'Wes Clark']) await list.getByText(name).waitFor();
    expect(await list.getByText('Wes Davis').count()).toBe(0);
    await screenshot(officerPage, '01b-officer-presence-count');

    for (const feed of feeds) feed.stop();
    await more.waitFor({ state: 'detached' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByText('Paula Partner').waitFor();
  });

  it('moves a card by drag and drop, and the partner sees it move without reloading', async () => {
    const source = card(officerPage, 'Open', SHARED);
    await source.dragTo(column(officerPage, 'In progress').getByRole('heading', { level: 3 }));
    await card(officerPage, 'In progress', SHARED).waitFor({ timeout: 5000 });

    const started = Date.now();
    await card(partnerPage, 'In progress', SHARED).waitFor({ timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await card(partnerPage, 'Open', SHARED).count()).toBe(0);
    await screenshot(partnerPage, '02-partner-sees-move');

    const res = await server.gql('{ issues(filter: { search: "Laurel" }) { edges { node { status } } } }');
    expect(res.data.issues.edges[0].node.status).toBe('IN_PROGRESS');
  });

  it('moves a card with the keyboard alone, and announces it', async () => {
    const move = card(officerPage, 'Open', OTHER).getByRole('button', { name: `Move ${OTHER}` });
    await move.focus();
    await officerPage.keyboard.press('Enter');
    const menu = officerPage.getByRole('menu', { name: `Move “${OTHER}” to` });
    await menu.waitFor();
    const focused = await officerPage.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Acknowledged');
    await officerPage.keyboard.press('Enter');

    await card(officerPage, 'Acknowledged', OTHER).waitFor({ timeout: 5000 });
    await officerPage.getByText(`Moved “${OTHER}” to Acknowledged`).waitFor();
    await card(partnerPage, 'Acknowledged', OTHER).waitFor({ timeout: 5000 });
    await screenshot(officerPage, '03-keyboard-move');
  });

  it('puts a card back and says who changed it first when someone else got there before', async () => {
    const coordinator = await server.login(server.basics.emails.coordinator);
    const target = await server.gql('{ issues(filter: { search: "alley" }) { edges { node { id } } } }');
    const id = target.data.issues.edges[0].node.id;

    // The coordinator's change lands between the officer's click and the officer's request.
    let raced = false;
    await officerPage.route('**/graphql', async (route) => {
      if (!raced && route.request().postData()?.includes('setIssueStatus')) {
        raced = true;
        await server.gql(
          'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { id } }',
          { id },
          coordinator,
        );
      }
      await route.continue();
    });
    const move = card(officerPage, 'Open', CONFLICTED).getByRole('button', { name: `Move ${CONFLICTED}` });
    await move.click();
    await officerPage.getByRole('menuitem', { name: 'Resolved' }).click();

    const alert = officerPage.getByRole('alert').filter({ hasText: 'Cora Coordinator' });
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.textContent()).toMatch(/changed by Cora Coordinator .*Open → Acknowledged/);
    // Not resolved: the card shows the issue as it really is.
    await card(officerPage, 'Acknowledged', CONFLICTED).waitFor({ timeout: 5000 });
    expect(await card(officerPage, 'Resolved', CONFLICTED).count()).toBe(0);
    expect(raced).toBe(true);
    await screenshot(officerPage, '04-conflict');
    await officerPage.unrouteAll({ behavior: 'wait' });
  });

  it('shows a resident’s anonymous report on both boards', async () => {
    const { context, page } = await newPerson(browser, server.app.url);
    await page.goto('/report');
    await page.getByLabel('Title').fill('Broken glass at the bus stop');
    await page.getByLabel('Category').selectOption({ label: 'Safety' });
    await page.getByLabel('Neighborhood').selectOption({ label: 'Eastside' });
    await page.getByLabel('Report anonymously').check();
    expect(await page.getByLabel('Contact (optional)').isDisabled()).toBe(true);
    await screenshot(page, '05-resident-report-form');
    await page.getByRole('button', { name: 'Report issue' }).click();
    await page.getByRole('heading', { name: 'Thank you: your report was received' }).waitFor();
    await screenshot(page, '06-resident-report-sent');

    for (const board of [officerPage, partnerPage]) {
      await card(board, 'Open', 'Broken glass at the bus stop').waitFor({ timeout: 5000 });
    }
    await screenshot(partnerPage, '07-report-on-partner-board');
    const stored = (await server.app.orm.em
      .fork()
      .getConnection()
      .execute(
        "select contact, reporter_id, anonymous from community_issue where title = 'Broken glass at the bus stop'",
      )) as {
      contact: string | null;
      reporter_id: number | null;
    }[];
    expect(stored[0]).toMatchObject({ contact: null, reporter_id: null });
    await context.close();
  });

  it('keeps the session across a reload', async () => {
    await partnerPage.reload();
    await partnerPage.getByRole('region', { name: 'Community issues' }).waitFor();
    await partnerPage.getByText('Paula Partner').first().waitFor();
  });
});

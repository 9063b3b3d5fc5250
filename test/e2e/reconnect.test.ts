import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { TEST_PASSWORD } from '../support/fixtures.js';
import { launchBrowser, newPerson, screenshot } from '../support/browser.js';

let first: TestServer | undefined;
let second: TestServer | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await second?.close();
  if (!second) await first?.close();
});

describe('the board after the server goes away', () => {
  it('says it is reconnecting, then catches up on what changed meanwhile', async () => {
    first = await startServer();
    const issue = await buildIssue(first, { title: 'Flooded underpass' });
    browser = await launchBrowser();
    const { page } = await newPerson(browser, first.app.url);
    await page.goto('/');
    await page.getByLabel('Email').fill(first.basics.emails.officer);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const indicator = page.getByRole('status', { name: 'Connection' });
    await indicator.getByText('Live', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Open', exact: true })
      .getByRole('article', { name: 'Flooded underpass' })
      .waitFor();

    // The server stops: the board must not pretend to be live.
    const port = first.app.port;
    await first.stop();
    await indicator.getByText(/Reconnecting…|Offline/).waitFor({ timeout: 10_000 });
    await screenshot(page, '10-reconnecting');

    // It comes back (same database, same port) and the issue changes before the board reconnects.
    second = await startServer({ db: first.db, seed: false, config: { port } });
    const officer = await second.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: first.basics.emails.officer, p: TEST_PASSWORD },
    );
    const moved = await second.gql(
      'mutation($id: ID!) { setIssueStatus(id: $id, status: ACKNOWLEDGED) { status } }',
      { id: issue.id },
      officer.data.login.token,
    );
    expect(moved.data.setIssueStatus.status).toBe('ACKNOWLEDGED');

    await indicator.getByText('Live', { exact: true }).waitFor({ timeout: 40_000 });
    await page
      .getByRole('region', { name: 'Acknowledged', exact: true })
      .getByRole('article', { name: 'Flooded underpass' })
      .waitFor({ timeout: 10_000 });
    await screenshot(page, '11-caught-up');
  }, 90_000);
});

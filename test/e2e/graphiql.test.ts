import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.js';
import { buildIssue } from '../support/factories.js';
import { launchBrowser, newPerson, screenshot } from '../support/browser.js';
import { TOKEN_STORAGE_KEY } from '../../web/src/app/session.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Replaces the text of the Monaco editor inside `container` with `text`. */
async function setEditor(page: Page, container: string, text: string): Promise<void> {
  const editor = page.locator(`${container} .monaco-editor`).first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Inserted as one input: Monaco does not add closing brackets the way it does for typing.
  await page.keyboard.insertText(text);
  // GraphiQL reads the operation's name from the editor after a short debounce.
  await page.waitForTimeout(800);
}

async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Execute query/ }).click();
}

/** The response pane's text (Monaco draws spaces as no-break spaces). */
const response = (page: Page) => ({
  innerText: async () => (await page.locator('.result-window').innerText()).replace(/\s+/g, ' '),
});

describe('GraphiQL at GET /graphql', () => {
  it('is served to a browser from this origin, while a tool asking for JSON gets the API', async () => {
    const html = await fetch(`${server.app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('/graphiql/assets/');
    // No HTML for tools: a GET without a preflight header is refused by CSRF protection, as before.
    const tool = await fetch(`${server.app.url}/graphql?query=${encodeURIComponent('{ latestSeq }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(tool.status).toBe(400);
    expect(await tool.text()).toMatch(/CSRF|preflight/i);
  });

  it('runs a query with the Authorization header and a live subscription over graphql-ws', async () => {
    const token = await server.login(server.basics.emails.officer);
    const { context, page } = await newPerson(browser, server.app.url);
    // Signed in on the board in this browser: GraphiQL starts with that session's header.
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [TOKEN_STORAGE_KEY, token]);
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));

    await page.goto('/graphql');
    await page.locator('.graphiql-container').waitFor();
    await page.getByText('Headers', { exact: true }).click();
    await expect.poll(() => page.locator('.graphiql-editor-tool').innerText()).toContain('Authorization');

    await setEditor(page, '.graphiql-query-editor', 'query Me { viewer { email role } }');
    await run(page);
    await expect.poll(() => response(page).innerText(), { timeout: 15_000 }).toContain('OFFICER');
    expect(await response(page).innerText()).toContain(server.basics.emails.officer);

    await setEditor(
      page,
      '.graphiql-query-editor',
      'subscription Live { activity { seq issue { title } actor { name } } }',
    );
    await run(page);
    // Once subscribed, a change made elsewhere shows up in the response pane, with who made it:
    // members only see that, so the socket was signed in with the header.
    const coordinator = await server.login(server.basics.emails.coordinator);
    await expect
      .poll(
        async () => {
          await buildIssue(server, { title: `Seen in GraphiQL ${Date.now()}` }, coordinator);
          return response(page).innerText();
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toMatch(/"title": "Seen in GraphiQL \d+" \}, "actor": \{ "name": "[^"]+" \}/);
    await screenshot(page, 'graphiql-subscription');
    expect([...origins]).toEqual([server.app.url]); // no CDN: everything from this server
    await context.close();
  });
});

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { Api } from './api-harness';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', '..', '.artifacts', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`The audit pages are not opened in a browser: ${CHROMIUM} is missing (.ci/run installs it).`);
const inBrowser = haveChromium ? describe : describe.skip;

/**
 * Given a case that went from the notice to the payment demand and into a dispute, when an auditor
 * opens its page in a real browser, then the lifecycle diagram is drawn (by Mermaid served from
 * this server) with the states it went through highlighted, beside its timeline.
 */
inBrowser('the audit pages in headless Chromium', () => {
  const api = new Api();
  let browser: BrowserContext;
  let base: string;
  let profile: string;
  let id: string;

  beforeAll(async () => {
    await api.start();
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    id = await api.handOver();
    await api.advance(20);
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'Never ordered', channel: 'written' });
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    // A fresh profile each run (Playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      extraHTTPHeaders: { Authorization: `Bearer ${api.tokens.auditor}` },
      viewport: { width: 1600, height: 1200 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(path: string) {
    const page = await browser.newPage();
    const context = { close: () => page.close() };
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    const res = await page.goto(`${base}${path}`);
    await page.waitForSelector('body[data-rendered]', { timeout: 30_000 });
    return { page, context, res, outside };
  }

  it('draws the lifecycle from the machine, with Mermaid from this server only', async () => {
    const { page, context, res, outside } = await open('/audit/lifecycle');
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('body', 'data-rendered')).toBe('true');
    expect(await page.locator('#diagram svg').count()).toBe(1);
    expect(await page.locator('#diagram svg g.node').count()).toBeGreaterThan(20);
    expect(outside).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-lifecycle.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it("highlights the case's path and lists its timeline with actor and time", async () => {
    const { page, context, res } = await open(`/audit/cases/${id}`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('body', 'data-rendered')).toBe('true');
    const classed = async (cls: string) =>
      page.$$eval(`#diagram svg g.node.${cls}`, (nodes) => nodes.map((n) => n.id.replace(/^.*?state-|-\d+$/g, '')));
    const visited = await classed('visited');
    const current = await classed('current');
    expect(visited).toEqual([
      'new',
      'open_collection_registered',
      'open_collection_running_notice',
      'open_collection_running_demand',
      'open_dispute_none',
    ]);
    expect(current.sort()).toEqual(['open_collection_onHold', 'open_dispute_disputed_assessing']);
    expect(visited).not.toContain('closed');
    const rows = await page.locator('#timeline tbody tr').count();
    expect(rows).toBe((await api.history(id)).length);
    expect(await page.locator('#timeline tbody tr').first().innerText()).toMatch(
      /ClaimHandedOver\s+caseworker cw-1\s+2025-03-03T09:00/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-case.png'), fullPage: true });
    await context.close();
    // The auditor's look is on the record.
    const log = (await api.get(`/cases/${id}/access-log`)).body.items;
    expect(log).toContainEqual(expect.objectContaining({ route: 'GET /audit/cases/{id}', subject: 'au-1' }));
  }, 60_000);

  it('asks for a token (401) and answers 404 for an unknown case', async () => {
    expect((await api.http().get('/audit/lifecycle')).status).toBe(401);
    expect((await api.get('/audit/cases/00000000-0000-4000-8000-000000000000', 'auditor')).status).toBe(404);
    expect((await api.get('/audit/cases/' + id, 'creditorA')).status).toBe(403);
  });
});

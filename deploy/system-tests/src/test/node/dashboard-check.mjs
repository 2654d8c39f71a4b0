// Drives Debian's chromium through the gateway's dashboard as a bureau's director would and writes down what the
// page shows (DashboardBrowserIT compares it with the API). Environment: DASHBOARD_URL (the gateway), DASHBOARD_REGION,
// DASHBOARD_AS_OF, DASHBOARD_TOKEN (may create platforms in the region), DASHBOARD_OUT (screenshots),
// DASHBOARD_REPORT (the JSON report), CHROMIUM (the browser binary).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const base = env('DASHBOARD_URL').replace(/\/$/, '');
const region = env('DASHBOARD_REGION');
const asOf = env('DASHBOARD_AS_OF');
const token = env('DASHBOARD_TOKEN');
const out = env('DASHBOARD_OUT');
const report = { offMachineRequests: [], consoleErrors: [], localRequests: 0, unlabelled: [] };
const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);
const log = (...args) => console.log(new Date().toISOString().slice(11, 23), ...args);

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  // The machine's network is closed: without these, chromium's own background connections are refused at every start.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/** A context whose every request is recorded: to this machine it goes on, anywhere else it is refused and reported. */
async function context(options) {
  const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL.has(url.hostname)) {
      report.localRequests++;
      return route.continue();
    }
    report.offMachineRequests.push(url.href);
    return route.abort();
  });
  ctx.on('page', watch);
  return ctx;
}

function watch(page) {
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => report.consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (LOCAL.has(new URL(request.url()).hostname) && !request.url().includes('/api/v1/events/stream')) {
      report.consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
}

/** Waits until the page has loaded everything for the region and day it shows. */
async function settled(page) {
  await page.waitForFunction(([r, d]) => document.body.dataset.loading === 'false'
    && new URLSearchParams(location.search).get('region') === r && new URLSearchParams(location.search).get('asOf') === d,
  [region, asOf], { timeout: 60000 });
}


async function shown(page) {
  return page.evaluate(() => {
    const count = (text) => Number(String(text).replace(/[^\d]/g, ''));
    const map = (selector, key) => Object.fromEntries([...document.querySelectorAll(selector)].map((e) => [key(e), count(e.textContent)]));
    return {
      funnelTotals: map('[data-funnel-total]', (e) => e.dataset.tier),
      funnelStages: map('td[data-stage][data-tier]', (e) => `${e.dataset.stage}/${e.dataset.tier}`),
      scorecard: [...document.querySelectorAll('#scorecard-table tr[data-target-id]')].map((row) => ({
        id: row.dataset.targetId, status: row.dataset.status, label: row.querySelector('.status')?.textContent ?? '' })),
      platforms: map('td[data-type][data-level]', (e) => `${e.dataset.type}/${e.dataset.level}`),
      platformTotal: count(document.querySelector('#platform-total')?.textContent ?? ''),
      officials: document.querySelectorAll('#overdue .official').length,
      overdue: document.querySelectorAll('#overdue li:not(.empty)').length,
      errorsShown: document.querySelector('#error').hidden ? '' : document.querySelector('#error').textContent,
    };
  });
}

/** Form controls without an accessible name (a label, aria-label or aria-labelledby). */
async function unlabelled(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, button, [role=img], [role=progressbar]')]
    .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.textContent.trim()))
    .map((e) => e.outerHTML.slice(0, 120)));
}

try {
  // ---- desktop, 1280 × 800: choose the region and the day as a person would ----
  const desk = await context({ viewport: { width: 1280, height: 800 } });
  const page = await desk.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction((r) => [...document.querySelectorAll('#region option')].some((o) => o.value === r), region);
  await page.selectOption('#region', region);
  await page.fill('#asOf', asOf);
  await settled(page);
  // the sparklines and funnel draw after the data: give ECharts its frame
  await page.waitForTimeout(300);
  Object.assign(report, await shown(page));
  report.officialsAnonymous = report.officials;
  report.unlabelled.push(...await unlabelled(page));
  await page.screenshot({ path: join(out, 'desktop-1280x800.png') });
  await page.screenshot({ path: join(out, 'desktop-full.png'), fullPage: true });
  log('desktop:', JSON.stringify({ funnel: report.funnelTotals, targets: report.scorecard.length, platforms: report.platformTotal }));

  // ---- print: the scorecard on A4 ----
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: join(out, 'scorecard-a4.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  report.scorecardPrintPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  await page.emulateMedia({ media: 'screen' });

  // ---- English ----
  await page.click('#lang');
  report.english = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.querySelector('h1').textContent,
    status: document.querySelector('#scorecard-table .status')?.textContent ?? '' }));
  await page.screenshot({ path: join(out, 'desktop-english.png'), fullPage: true });
  await page.click('#lang');

  // ---- signed in: what authenticated readers see ----
  await page.click('#signin summary');
  await page.fill('#token', token);
  await page.click('#tokenForm button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.loading === 'true' || document.querySelector('#overdue .official'));
  await settled(page);
  report.signedIn = { officialsShownAnonymous: report.officialsAnonymous, officialsShownSignedIn: (await shown(page)).officials,
    who: await page.textContent('#who') };

  // ---- what changed: a platform created through the API, timed from its 201 to its row on the page ----
  await page.waitForSelector('#change-list[data-stream=live]', { timeout: 20000 });
  const tag = Date.now() % 1000000;
  const created = await fetch(`${base}/api/v1/platforms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ nameZh: `驾驶舱测试孵化器${tag}`, nameEn: `Dashboard test incubator ${tag}`, type: 'TECH_BUSINESS_INCUBATOR',
      level: 'MUNICIPAL', regionCode: region }),
  });
  const answered = Date.now();
  const platform = await created.json();
  report.feed = { status: created.status, id: platform.id, shown: false };
  if (created.status === 201) {
    try {
      await page.waitForSelector(`#change-list li[data-subject="${platform.id}"]`, { timeout: 10000 });
      report.feed.shown = true;
    } catch (e) {
      report.feed.error = e.message.split('\n')[0];
    }
    report.feed.millis = Date.now() - answered;
    report.feed.row = await page.textContent('#change-list li:first-child');
  }
  await page.screenshot({ path: join(out, 'desktop-what-changed.png'), fullPage: true });
  log('what changed:', JSON.stringify(report.feed));

  // ---- a phone's width ----
  const phone = await context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const small = await phone.newPage();
  await small.goto(`${base}/?region=${region}&asOf=${asOf}`);
  await settled(small);
  await small.waitForTimeout(300);
  report.phone = { ...(await shown(small)), scrollWidth: await small.evaluate(() => document.documentElement.scrollWidth) };
  report.unlabelled.push(...await unlabelled(small));
  await small.screenshot({ path: join(out, 'phone-390x844.png') });
  await small.screenshot({ path: join(out, 'phone-full.png'), fullPage: true });
  log('phone: scroll width', report.phone.scrollWidth);
} catch (error) {
  report.failure = String(error.stack || error);
  log('failed:', report.failure);
} finally {
  await browser.close();
  writeFileSync(env('DASHBOARD_REPORT'), JSON.stringify(report, null, 2));
}

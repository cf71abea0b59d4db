/**
 * `npm run screenshots`: the start page, the concern form, the case page and the plan editor in
 * headless Chromium against a fresh `npm start` with its demo data, written to docs/screenshots/.
 */
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startStack, stopStack } from '../test/browser/stack';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');

async function signIn(page: Page, base: string, name: string) {
  await page.goto(`${base}/logg-inn`);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Forside' }).waitFor();
}

async function main(): Promise<void> {
  const stack = await startStack();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const shot = async (page: Page, name: string) => {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
      console.log(`docs/screenshots/${name}.png`);
    };
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${stack.baseUrl}/logg-inn`);
    await page.getByRole('button', { name: 'Lærer Larsen' }).waitFor();
    await shot(page, 'logg-inn');

    await signIn(page, stack.baseUrl, 'Rektor Ruud');
    await shot(page, 'forside-rektor');

    await page.goto(`${stack.baseUrl}/meld`);
    await page.getByLabel('Eva Nordmann (5A)').check();
    await page
      .getByLabel(/Hva så eller hørte du/)
      .fill('Eva sa at de andre jentene ikke lar henne være med i friminuttet, og at hun gruer seg til skolen.');
    await page.getByLabel('Eleven fortalte det').check();
    await page.getByLabel('Eleven har selv sagt at hen ikke har det trygt og godt').check();
    await shot(page, 'meld-bekymring');

    // A case in "Plan lages" from the demo data, with its plan editor open.
    await page.goto(`${stack.baseUrl}/?tilstand=planning`);
    await page.getByRole('table', { name: 'Saker, nyeste først' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot(page, 'sak');
    await page.getByRole('button', { name: 'Skriv aktivitetsplan', exact: true }).click();
    const card = page.locator('.command-card');
    await card.getByLabel('1. Problemet tiltakene skal løse').fill('Ali blir plaget i spisepausen og får ikke spise i fred.');
    await card.getByLabel('Hva skal gjøres?').fill('En voksen spiser sammen med klassen hver dag');
    await card.getByLabel('Type tiltak (FFSS)').selectOption('stoppe');
    await card.getByLabel('Når tiltakene skal gjennomføres', { exact: true }).fill('Hver spisepause fra mandag');
    await card.getByLabel('Hvem som skal gjennomføre tiltakene', { exact: true }).selectOption({ label: 'Lærer Larsen' });
    await shot(page, 'aktivitetsplan');

    const narrow = await (
      await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 320, height: 700 } })
    ).newPage();
    await signIn(narrow, stack.baseUrl, 'Lærer Larsen');
    await narrow.goto(`${stack.baseUrl}/meld`);
    await shot(narrow, 'meld-bekymring-320px');

    // The owner's dashboard and settings.
    const owner = await (
      await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signIn(owner, stack.baseUrl, 'Kommune Kristiansen');
    await owner.goto(`${stack.baseUrl}/tilsyn`);
    await owner.locator('[data-chart] svg').first().waitFor();
    await shot(owner, 'tilsyn-kommunen');
    await owner.goto(`${stack.baseUrl}/innstillinger`);
    await shot(owner, 'innstillinger');

    // A case at BTI level 2 from the demo data, with its BTI panel; the child's chronology.
    await owner.goto(`${stack.baseUrl}/sok?tilstand=active`);
    await owner.locator('[data-table="treff"] a').first().click();
    await owner.getByRole('region', { name: 'BTI og PPT' }).waitFor();
    await shot(owner, 'sak-bti');
    const childLink = owner.locator('main a[href^="/barn/"]');
    if (await childLink.count()) {
      await childLink.first().click();
      await owner.locator('[data-list="kronologi"]').waitFor();
      await shot(owner, 'kronologi');
    }

    // PPT's start page.
    const ppt = await (
      await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signIn(ppt, stack.baseUrl, 'PPT Pedersen');
    await shot(ppt, 'forside-ppt');

    // The auditor: the purpose, then a case read-only with its timeline, chain check and access log.
    const auditor = await (
      await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } })
    ).newPage();
    await auditor.goto(`${stack.baseUrl}/logg-inn`);
    await auditor.getByRole('button', { name: 'Revisor Rød', exact: true }).click();
    await auditor.getByLabel('Hva er formålet?').fill('Tilsyn med skolemiljøsaker 2026');
    await auditor.getByRole('button', { name: 'Fortsett' }).click();
    await auditor.goto(`${stack.baseUrl}/sok?tilstand=closed`);
    await auditor.locator('[data-table="treff"] a').first().click();
    await auditor.locator('[data-verified]').waitFor();
    await shot(auditor, 'revisor-sak');
  } finally {
    await browser.close();
    await stopStack(stack);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

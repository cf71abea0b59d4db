import { expect, test } from '@playwright/test';
import { apiAs, schoolCase } from './api-helper';
import { baseUrl, expectAccessible, expectNoSidewaysScroll, signIn } from './helpers';

/** Errors are said next to what caused them, and nothing anyone typed is lost to them. */
test('a plan missing elements: the summary takes focus, each field says what is missing, nothing typed is lost (not even on reload)', async ({
  page,
}) => {
  const c = await schoolCase('Ola Hansen', 'planning');
  await signIn(page, 'Lærer Larsen');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await page.getByRole('button', { name: 'Skriv aktivitetsplan', exact: true }).click();
  const card = page.locator('.command-card');
  await card.getByLabel('1. Problemet tiltakene skal løse').fill('Ola blir dyttet i trappa');
  await card.getByLabel('Hva skal gjøres?').fill('Voksen i trappa ved friminutt');
  await card.getByRole('button', { name: 'Send til godkjenning' }).click();

  const summary = page.getByRole('heading', { name: 'Rett opp dette før du sender' });
  await expect(summary).toBeVisible();
  await expect(page.locator('.problem-summary')).toBeFocused();
  // The fields the API named, each with its message where it is.
  await expect(page.locator('#plan-m0-ffss[aria-invalid="true"]')).toBeVisible();
  await expect(card.getByText(/Tiltak 1: FFSS/)).toBeVisible();
  await expect(card.getByLabel('1. Problemet tiltakene skal løse')).toHaveValue('Ola blir dyttet i trappa');
  await expect(card.getByLabel('Hva skal gjøres?')).toHaveValue('Voksen i trappa ved friminutt');
  await expectAccessible(page, 'plan med feil');

  await page.reload();
  await page.getByRole('button', { name: 'Skriv aktivitetsplan', exact: true }).click();
  await expect(page.locator('.command-card').getByLabel('1. Problemet tiltakene skal løse')).toHaveValue('Ola blir dyttet i trappa');
});

test('the case changed in another tab: the conflict is shown, the form is kept, and it goes through after reloading', async ({
  browser,
}) => {
  const c = await schoolCase('Ali Khan');
  const context = await browser.newContext();
  const mine = await context.newPage();
  await signIn(mine, 'Lærer Larsen');
  await mine.goto(`${baseUrl()}/saker/${c.id}`);
  await mine.getByRole('button', { name: 'Skriv notat', exact: true }).click();
  await mine.locator('.command-card').getByLabel('Hva skjedde?').fill('Ali satt alene i spisepausen.');

  // Meanwhile, in another tab, someone else writes in the case.
  await apiAs('rektor', 'POST', `/api/cases/${c.id}/commands`, { type: 'ACKNOWLEDGE', expectedVersion: c.version });

  await mine.locator('.command-card').getByRole('button', { name: 'Lagre notatet' }).click();
  await expect(mine.getByRole('heading', { name: 'Noen andre har endret saken mens du skrev' })).toBeVisible();
  await expect(mine.locator('.command-card').getByLabel('Hva skjedde?')).toHaveValue('Ali satt alene i spisepausen.');
  await expectAccessible(mine, 'konflikt');
  await mine.getByRole('button', { name: 'Last inn den nye versjonen' }).click();
  await expect(mine.getByText('Under undersøkelse', { exact: true })).toBeVisible();
  await mine.locator('.command-card').getByRole('button', { name: 'Lagre notatet' }).click();
  await expect(mine.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
  await expect(mine.locator('.timeline').getByText('Ali satt alene i spisepausen.')).toBeVisible();
});

test('Skjul skjerm covers the page at once and brings it back with nothing lost', async ({ page }) => {
  await signIn(page, 'Lærer Larsen');
  await page.getByRole('link', { name: 'Meld bekymring' }).first().click();
  await page.getByLabel(/Hva så eller hørte du/).fill('Noe som ikke skal vises for et barn.');
  await page.getByRole('button', { name: 'Skjul skjerm' }).click();
  await expect(page.getByRole('dialog', { name: 'Skjermen er skjult' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vis igjen' })).toBeFocused();
  await expectAccessible(page, 'skjult skjerm');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/Hva så eller hørte du/)).toHaveValue('Noe som ikke skal vises for et barn.');
});

test('a case of another unit is a plain not-found page', async ({ page }) => {
  const c = await schoolCase('Eva Nordmann');
  await signIn(page, 'Lærer Lund');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke saken' })).toBeVisible();
  await page.goto(`${baseUrl()}/ingen-slik-side`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
});

test('at 320 CSS px nothing scrolls sideways, and the pages stay accessible', async ({ browser }) => {
  const c = await schoolCase('Sara Berg');
  const page = await (await browser.newContext({ viewport: { width: 320, height: 800 } })).newPage();
  await signIn(page, 'Rektor Ruud');
  for (const path of ['/', '/meld', `/saker/${c.id}`]) {
    await page.goto(`${baseUrl()}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, `${path} ved 320 px`);
  }
});

test('at 200 % zoom (a 1280 px screen shows 640 CSS px) every page still works without sideways scrolling', async ({ browser }) => {
  const c = await schoolCase('Ola Hansen');
  const page = await (await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 })).newPage();
  await signIn(page, 'Rektor Ruud');
  for (const path of ['/', '/meld', `/saker/${c.id}`]) {
    await page.goto(`${baseUrl()}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  // The case's first action is reachable and works at this size.
  await page.getByRole('button', { name: 'Bekreft mottatt', exact: true }).click();
  await page.locator('.command-card').getByRole('button', { name: 'Bekreft at meldingen er mottatt' }).click();
  await expect(page.getByText('Under undersøkelse', { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

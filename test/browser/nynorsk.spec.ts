import { expect, test, type Page } from '@playwright/test';
import { DEMO_GROUPS, DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';
import { apiAs } from './api-helper';
import { baseUrl, expectAccessible, expectNoBokmalOnly, signIn } from './helpers';

/** Kommunen chooses nynorsk; everyone who has not chosen sees every page in nynorsk, with no bokmål-only label left. */
const LANGUAGE = `/api/owners/${DEMO_OWNER.id}/language`;

async function signInNn(page: Page, displayName: string): Promise<void> {
  await page.goto(`${baseUrl()}/logg-inn`);
  await page.getByRole('button', { name: displayName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Framside' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
}

/** Each page: its heading in nynorsk, no bokmål-only label, no axe violation. */
async function visit(page: Page, path: string, heading: string | RegExp, where: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoBokmalOnly(page, where);
  await expectAccessible(page, where);
}

test('kommunen chooses nynorsk (versioned, a 409 from a concurrent change); then every page is in nynorsk for whoever has not chosen', async ({
  page,
  browser,
}) => {
  const before = await apiAs('kommune', 'GET', LANGUAGE);
  try {
    await signIn(page, 'Kommune Kristiansen');
    await page.goto(`${baseUrl()}/innstillinger`);
    await page.getByRole('tab', { name: 'Språk' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Språk' });
    await expect(panel.locator(`[data-version="${before.version}"]`)).toBeVisible();
    await expectAccessible(page, 'språk');
    // Someone else changes it first: ours is a 409 that keeps the choice on screen.
    await apiAs('kommune', 'PUT', LANGUAGE, { defaultLanguage: 'nb', expectedVersion: before.version });
    await page.getByLabel('Nynorsk').check();
    await page.getByRole('button', { name: 'Lagre språkvalget' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Noen andre endret språkvalget før deg' })).toBeVisible();
    await expect(page.getByLabel('Nynorsk')).toBeChecked();
    await page.getByRole('button', { name: 'Last inn den nye versjonen' }).click();
    await page.getByLabel('Nynorsk').check();
    await page.getByRole('button', { name: 'Lagre språkvalget' }).click();
    await expect(page.getByText('Språkvalget er lagret.')).toBeVisible();
    expect((await apiAs('kommune', 'GET', LANGUAGE)).defaultLanguage).toBe('nn');

    // A principal who never chose: nynorsk from the first page on.
    const rektor = await (await browser.newContext()).newPage();
    await signInNn(rektor, 'Rektor Ruud');
    await expectNoBokmalOnly(rektor, 'framside (rektor)');
    const cases = (await apiAs('rektor', 'GET', '/api/cases?limit=100')).items as Array<{ id: string }>;
    const details = await Promise.all(cases.map((c) => apiAs('rektor', 'GET', `/api/cases/${c.id}`)));
    const bti = details.find((c) => c.bti?.level === 2 && c.bti.consents.length > 0)!;
    const planned = details.find((c) => c.plan && c.state !== 'closed')!;
    await visit(rektor, `/saker/${bti.id}`, /^Sak/, 'sak med BTI');
    await expect(rektor.getByRole('heading', { name: 'BTI og PPT' })).toBeVisible();
    await expect(rektor.getByRole('heading', { name: 'Kva du kan gjere no' })).toBeVisible();
    await visit(rektor, `/saker/${planned.id}`, /^Sak/, 'sak med plan');
    await visit(rektor, `/saker/${bti.id}/stafettlogg`, 'Stafettlogg', 'stafettlogg');
    await visit(rektor, `/grupper/${DEMO_GROUPS[0].id}`, `Gruppa ${DEMO_GROUPS[0].name}`, 'gruppe');
    await visit(rektor, '/meld', 'Meld bekymring', 'meld bekymring (rektor)');
    // A form opened on the case page is nynorsk too.
    await rektor.goto(`${baseUrl()}/saker/${planned.id}`);
    await rektor.getByRole('button', { name: 'Skriv notat' }).click();
    await expect(rektor.getByText('Kva slags notat?')).toBeVisible();
    await expectNoBokmalOnly(rektor, 'notatskjema');

    // The owner, who also never chose in the browser it uses now.
    const kommune = await (await browser.newContext()).newPage();
    await signInNn(kommune, 'Kommune Kristiansen');
    await visit(kommune, '/tilsyn', 'Tilsyn og oppfølging', 'tilsyn');
    await visit(kommune, '/sok', 'Søk i saker', 'søk');
    await visit(kommune, '/innstillinger', 'Innstillingane til kommunen', 'innstillingar');
    for (const tab of ['Skulerute', 'Omni-rettleiing', 'Sletting', 'Språk']) {
      await kommune.getByRole('tab', { name: tab }).click();
      await expectNoBokmalOnly(kommune, `innstillingar: ${tab}`);
    }

    // PPT's start page.
    const ppt = await (await browser.newContext()).newPage();
    await signInNn(ppt, 'PPT Pedersen');
    await expectNoBokmalOnly(ppt, 'framside (PPT)');

    // Whoever chooses keeps their choice, whatever the kommune's default.
    await rektor.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Bokmål' }).click();
    await rektor.reload();
    await expect(rektor.locator('html')).toHaveAttribute('lang', 'nb');
  } finally {
    const now = await apiAs('kommune', 'GET', LANGUAGE);
    await apiAs('kommune', 'PUT', LANGUAGE, { defaultLanguage: before.defaultLanguage, expectedVersion: now.version });
  }
});

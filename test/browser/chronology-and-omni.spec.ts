import { expect, test } from '@playwright/test';
import { DEMO_GROUPS, DEMO_UNITS } from '../../libs/persistence/src/seed/demo-data';
import { apiAs, child } from './api-helper';
import { baseUrl, expectAccessible, signIn } from './helpers';

test("a child's chronology shows only the cases the reader may see, and never that another exists", async ({ page }) => {
  const nora = child('Noah Dahl');
  const unit = DEMO_UNITS.demoBarnehage.id;
  const ordinary = await apiAs('ansatt', 'POST', '/api/cases', {
    unitId: unit,
    childIds: [nora],
    concern: 'Noah blir holdt utenfor i leken.',
    source: 'staff_observation',
  });
  // The leadership is reported as the offender: the owner leads, and the styrer must not see it.
  const leadership = await apiAs('ansatt', 'POST', '/api/cases', {
    unitId: unit,
    childIds: [nora],
    concern: 'Noah blir snakket nedsettende til av en i ledelsen.',
    source: 'staff_observation',
    staffOffender: true,
    offenderIsLeadership: true,
  });

  await signIn(page, 'Styrer Strand');
  await page.getByRole('link', { name: 'Barnets kronologi' }).click();
  await page.getByLabel('Elev eller barn').selectOption({ label: `Noah Dahl (${DEMO_UNITS.demoBarnehage.name})` });
  await expect(page.getByRole('heading', { level: 1, name: 'Kronologi for Noah Dahl' })).toBeVisible();
  const mine = page.locator('[data-list="saker"] a');
  await expect(mine.first()).toBeVisible();
  const hrefs = await mine.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain(`/saker/${ordinary.id}`);
  expect(hrefs).not.toContain(`/saker/${leadership.id}`);
  expect(await page.content()).not.toContain(leadership.id);
  await expect(page.locator('[data-list="kronologi"]')).toContainText('Melde fra: bekymring meldt til rektor/styrer');
  await expectAccessible(page, 'kronologi for styrer');

  await signIn(page, 'Kommune Kristiansen');
  await page.goto(`${baseUrl()}/barn/${nora}`);
  await expect(page.locator(`[data-list="saker"] a[href="/saker/${leadership.id}"]`)).toBeVisible();
  const owners = await page.locator('[data-list="saker"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(owners).toEqual(expect.arrayContaining([`/saker/${ordinary.id}`, `/saker/${leadership.id}`]));
});

test('Omni-trappa: a step assessed outside a case shows in the step chart and its table, and in the case', async ({ page }) => {
  const group = DEMO_GROUPS.find((g) => g.name === '5B')!;
  await signIn(page, 'Rektor Ruud');
  await page.goto(`${baseUrl()}/grupper/${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Gruppen 5B' })).toBeVisible();
  await page.getByLabel('3: Normalisering av normbrytende atferd').check();
  await page.getByLabel('Hva bygger vurderingen på?').fill('Elevundersøkelsen og observasjoner i friminuttene');
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await expect(page.getByText('Vurderingen er lagret.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /5B: trinn 3, Normalisering av normbrytende atferd/ })).toBeVisible();
  const table = page.locator(`[data-table="omni-${group.id}"]`);
  await expect(table).toContainText('Elevundersøkelsen og observasjoner i friminuttene');
  const chart = page.locator('[data-chart^="Omni-trappa for 5B"]');
  await expect(chart.locator('svg')).toBeVisible();
  expect(await chart.getAttribute('aria-label')).toMatch(/Trinn: .*3\./);
  await expectAccessible(page, 'gruppe');

  // A case about a child of 5B shows the group's step.
  const sara = child('Sara Berg');
  const c = await apiAs('larer', 'POST', '/api/cases', {
    unitId: DEMO_UNITS.demoSkole.id,
    childIds: [sara],
    concern: 'Sara blir ertet.',
    source: 'staff_observation',
  });
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await expect(page.getByRole('region', { name: 'Omni-trappa' })).toContainText('5B: trinn 3');
});

test("PPT's start page lists the requests to PPT with the question and the deadline", async ({ page }) => {
  const question = `Hvordan bygger vi et bedre klassemiljø på 7. trinn? (${Date.now()})`;
  const c = await apiAs('larer2', 'POST', '/api/cases', {
    unitId: DEMO_UNITS.naboSkole.id,
    childIds: [child('Jonas Moe')],
    concern: 'Jonas blir holdt utenfor.',
    source: 'staff_observation',
  });
  const acked = await apiAs('rektor2', 'POST', `/api/cases/${c.id}/commands`, { type: 'ACKNOWLEDGE', expectedVersion: c.version });
  await apiAs('rektor2', 'POST', `/api/cases/${c.id}/commands`, {
    type: 'REQUEST_PPT',
    expectedVersion: acked.version,
    question,
    anonymous: true,
    anonymousSummary: 'En elev på 7. trinn blir holdt utenfor.',
  });
  await signIn(page, 'PPT Pedersen');
  const row = page.locator('[data-table="ppt-forespørsler"] tr').filter({ hasText: question });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Anonymt');
  await expect(row).not.toContainText('Besvart');
  await expectAccessible(page, 'PPTs forside');
});

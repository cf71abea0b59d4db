import { Client } from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';
import { STATE_LABEL } from '../../apps/web/src/app/words';
import { openDataDirDatabase } from '../../apps/launcher/src/data-dir-database';
import { apiAs, schoolCase } from './api-helper';
import { baseUrl, expectAccessible, signIn } from './helpers';
import { readStack } from './stack';

/** The owner (kommunen): the dashboard over all units, and its own settings. */
const STATES = ['reported', 'investigating', 'planning', 'awaiting_approval', 'active', 'evaluating', 'closed'];
const OWNER = DEMO_OWNER.id;

async function rowCells(page: Page, table: string, rowName: string): Promise<string[]> {
  const row = page.locator(`[data-table="${table}"] tr`).filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  return row.locator('td').allInnerTexts();
}

test("the dashboard shows the API's figures, in each chart and in the table beside it", async ({ page }) => {
  const from = '2026-01-01';
  const to = new Date().toISOString().slice(0, 10);
  await signIn(page, 'Kommune Kristiansen');
  await page.getByRole('link', { name: 'Tilsyn og oppfølging' }).click();
  await page.goto(`${baseUrl()}/tilsyn?fra=${from}&til=${to}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tilsyn og oppfølging' })).toBeVisible();
  const report = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/supervision?from=${from}&to=${to}`);
  expect(report.totals.cases).toBeGreaterThan(0);

  const statusChart = page.locator('[data-chart^="Saker meldt i perioden"]');
  await expect(statusChart.locator('svg')).toBeVisible();
  const description = (await statusChart.getAttribute('aria-label')) ?? '';
  for (const u of report.units) {
    const expected = STATES.map((s) => String(u.totals.byState[s] ?? 0));
    expect(await rowCells(page, 'status', u.unitName)).toEqual([...expected, String(u.totals.cases)]);
    for (const s of STATES) expect(description).toContain(`${u.unitName} ${u.totals.byState[s] ?? 0}`);
  }
  for (const s of STATES) {
    const series = description.split(`${STATE_LABEL[s]}: `)[1]?.split('.')[0] ?? '';
    expect(series).toBe(
      report.units
        .map((u: { unitName: string; totals: { byState: Record<string, number> } }) => `${u.unitName} ${u.totals.byState[s] ?? 0}`)
        .join(', '),
    );
  }
  const all = await rowCells(page, 'status', 'Alle enheter');
  expect(all).toEqual([...STATES.map((s) => String(report.totals.byState[s] ?? 0)), String(report.totals.cases)]);

  const evaluations = (await page.locator('[data-chart^="Evalueringer"]').getAttribute('aria-label')) ?? '';
  for (const u of report.units) {
    const m = u.totals.measuresEvaluated;
    expect(await rowCells(page, 'evalueringer', u.unitName)).toEqual(
      [m.evaluationsOnTime, m.evaluationsLate, m.evaluationsMissed, m.evaluationsDue].map(String),
    );
    expect(evaluations).toContain(`${u.unitName} ${m.evaluationsOnTime}`);
  }
  await expect(page.locator('[data-figure="Saker meldt i perioden"]')).toHaveText(String(report.totals.cases));
  await expect(page.locator('[data-figure="Eskalert til kommunen"]')).toHaveText(String(report.totals.ownerFollowUp.escalatedToOwner));
  await expectAccessible(page, 'tilsyn');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned som CSV' }).click();
  expect((await download).suggestedFilename()).toBe(`tilsyn-${from}-${to}.csv`);
});

test('fristreglene round-trip, and a change made elsewhere first is a 409 that keeps what was typed', async ({ page }) => {
  const original = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/deadline-policy`);
  try {
    await signIn(page, 'Kommune Kristiansen');
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kommunens innstillinger' })).toBeVisible();
    await expectAccessible(page, 'innstillinger');
    const field = page.getByLabel('Påminnelse før et samtykke utløper (dager)');
    await field.fill('21');
    await page.getByRole('button', { name: 'Lagre fristreglene' }).click();
    await expect(page.getByText('Fristreglene er lagret.')).toBeVisible();
    await expect(page.locator(`[data-version="${original.version + 1}"]`)).toBeVisible();
    expect((await apiAs('kommune', 'GET', `/api/owners/${OWNER}/deadline-policy`)).consentExpiryReminderDays).toBe(21);

    // Someone else saves first.
    const {
      version: _v,
      isDefault: _d,
      changedAt: _a,
      changedBy: _b,
      notice: _n,
      ownerId: _o,
      expectedVersion: _e,
      ...numbers
    } = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/deadline-policy`);
    await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/deadline-policy`, {
      ...numbers,
      pptAdviceSchoolDays: 12,
      expectedVersion: original.version + 1,
    });
    await field.fill('28');
    await page.getByRole('button', { name: 'Lagre fristreglene' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Noen andre endret fristreglene før deg' })).toBeVisible();
    await expect(field).toHaveValue('28');
    await expectAccessible(page, 'innstillinger med konflikt');
    await page.getByRole('button', { name: 'Last inn den nye versjonen' }).click();
    await expect(page.locator(`[data-version="${original.version + 2}"]`)).toBeVisible();
    await field.fill('28');
    await page.getByRole('button', { name: 'Lagre fristreglene' }).click();
    await expect(page.getByText('Fristreglene er lagret.')).toBeVisible();
    const after = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/deadline-policy`);
    expect(after).toMatchObject({ consentExpiryReminderDays: 28, pptAdviceSchoolDays: 12, version: original.version + 3 });
  } finally {
    const now = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/deadline-policy`);
    const { version: _v, isDefault: _d, changedAt: _a, changedBy: _b, notice: _n, ownerId: _o, expectedVersion: _e, ...numbers } = original;
    await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/deadline-policy`, { ...numbers, expectedVersion: now.version });
  }
});

test('skolerute, Omni-veiledning and sletting round-trip; the retention preview says what is kept back and why', async ({ page }) => {
  await signIn(page, 'Kommune Kristiansen');
  await page.goto(`${baseUrl()}/innstillinger`);
  await page.getByRole('tab', { name: 'Skolerute' }).click();
  await page.getByLabel('Navn', { exact: true }).fill('Planleggingsdag');
  await page.getByLabel('Fra og med').fill('2027-08-16');
  await page.getByLabel('Til og med').fill('2027-08-16');
  await page.getByRole('button', { name: 'Legg til i skoleruten' }).click();
  const row = page.locator('[data-table="skolerute"] tr').filter({ hasText: 'Planleggingsdag' });
  await expect(row).toBeVisible();
  await expectAccessible(page, 'skolerute');
  await row.getByRole('button', { name: 'Slett Planleggingsdag' }).click();
  await expect(row).toHaveCount(0);

  await page.getByRole('tab', { name: 'Omni-veiledning' }).click();
  const guidance = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/guidance`);
  await page.getByLabel('Varsel om FFSS fra trinn').fill('4');
  await page.getByRole('button', { name: 'Lagre Omni-veiledningen' }).click();
  await expect(page.getByText('Omni-veiledningen er lagret.')).toBeVisible();
  expect((await apiAs('kommune', 'GET', `/api/owners/${OWNER}/guidance`)).ffssWarningFromStep).toBe(4);
  // A change elsewhere, then ours: a 409, with our number still in the field.
  const latest = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/guidance`);
  await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/guidance`, {
    ffssWarningFromStep: 2,
    rules: latest.rules,
    expectedVersion: latest.version,
  });
  await page.getByLabel('Varsel om FFSS fra trinn').fill('5');
  await page.getByRole('button', { name: 'Lagre Omni-veiledningen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Noen andre endret Omni-veiledningen før deg' })).toBeVisible();
  await expect(page.getByLabel('Varsel om FFSS fra trinn')).toHaveValue('5');
  const restore = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/guidance`);
  await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/guidance`, {
    ffssWarningFromStep: guidance.ffssWarningFromStep,
    rules: guidance.rules,
    expectedVersion: restore.version,
  });

  await page.getByRole('tab', { name: 'Sletting' }).click();
  const retention = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/retention`);
  await page.getByLabel('Anonymiser saker så mange år etter at de ble avsluttet').fill('10');
  await page.getByRole('button', { name: 'Lagre bevaringsregelen' }).click();
  await expect(page.getByText('Bevaringsregelen er lagret.')).toBeVisible();
  const preview = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/retention/preview`);
  await expect(page.locator(`[data-due="${preview.due.length}"]`)).toBeVisible();
  // Nothing closed ten years ago: no run is offered, so nothing can be anonymised by a slip.
  if (preview.due.length === 0) await expect(page.getByRole('button', { name: /Anonymiser/ })).toHaveCount(0);
  await expectAccessible(page, 'sletting');
  const now = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/retention`);
  await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/retention`, {
    retentionYears: retention.retentionYears,
    expectedVersion: now.version,
  });
});

/** The database of the stack the tests started (its launcher says where PostgreSQL listens). */
async function stackDatabase(): Promise<Client> {
  const { url } = await openDataDirDatabase({ dataDir: readStack()!.dataDir });
  const db = new Client({ connectionString: url });
  await db.connect();
  return db;
}

/** A closed case, as if it had been closed eleven years ago: the real clock runs, so only its closing date is moved back. */
async function closedLongAgo(childName: string, legalHold?: string): Promise<string> {
  const c = await schoolCase(childName, 'closed');
  if (legalHold)
    await apiAs('kommune', 'POST', `/api/cases/${c.id}/commands`, {
      type: 'PLACE_LEGAL_HOLD',
      expectedVersion: c.version,
      reason: legalHold,
    });
  const db = await stackDatabase();
  try {
    await db.query(`UPDATE cases SET closed_at = now() - interval '11 years' WHERE id = $1 AND state = 'closed'`, [c.id]);
  } finally {
    await db.end();
  }
  return c.id;
}

test('the retention run anonymises only after a confirmation that names how many cases, and a legal hold keeps a case back', async ({
  page,
}) => {
  test.skip(!readStack(), 'needs the database of the stack the tests started');
  const due = await closedLongAgo('Ola Hansen');
  const held = await closedLongAgo('Sara Berg', 'Klagesak hos Statsforvalteren');
  const before = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/retention`);
  await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/retention`, { retentionYears: 10, expectedVersion: before.version });
  try {
    await signIn(page, 'Kommune Kristiansen');
    await page.goto(`${baseUrl()}/innstillinger`);
    await page.getByRole('tab', { name: 'Sletting' }).click();
    // Nothing is anonymised before the archive has its copy: the deposit comes first.
    await expect(page.getByRole('cell', { name: 'Ikke avlevert til arkivet ennå: lag et arkivuttrekk først' }).first()).toBeVisible();
    await page.getByRole('tab', { name: 'Arkiv' }).click();
    await expectAccessible(page, 'arkivuttrekk');
    const longAgo = new Date(Date.now() - 11 * 365.25 * 86_400_000);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await page.getByLabel('Første dag saker ble avsluttet').fill(day(new Date(longAgo.getTime() - 3 * 86_400_000)));
    await page.getByLabel('Siste dag saker ble avsluttet').fill(day(new Date(longAgo.getTime() + 3 * 86_400_000)));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lag arkivuttrekk' }).click();
    expect((await download).suggestedFilename()).toMatch(/^arkivuttrekk-.*\.tar$/);
    await expect(page.getByText(/Arkivuttrekket med (1 sak|\d+ saker) er lastet ned/)).toBeVisible();
    // The same period again has nothing left to deposit, and says so at the field.
    await page.getByRole('button', { name: 'Lag arkivuttrekk' }).click();
    await expect(page.getByRole('link', { name: /ingen avsluttede saker i perioden/ })).toBeVisible();
    await page.getByRole('tab', { name: 'Sletting' }).click();
    const preview = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/retention/preview`);
    expect(preview.due.map((d: { caseId: string }) => d.caseId)).toContain(due);
    expect(preview.blocked.map((d: { caseId: string }) => d.caseId)).toContain(held);
    const n = preview.due.length;
    await expect(page.locator(`[data-due="${n}"]`)).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Sperret mot sletting: Klagesak hos Statsforvalteren' })).toBeVisible();

    // Opening the dialog and cancelling anonymises nothing.
    await page.getByRole('button', { name: `Anonymiser ${n} saker …` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: `Anonymisere ${n} saker?` })).toBeVisible();
    // The dialog fades in: contrast is checked once it is fully shown.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(page, 'bekreft anonymisering');
    await dialog.getByRole('button', { name: 'Avbryt' }).last().click();
    await expect(dialog).toBeHidden();
    expect((await apiAs('kommune', 'GET', `/api/cases/${due}`)).concern).toContain('holdt utenfor');

    // Confirmed: exactly the due cases are anonymised, the held one keeps its content.
    await page.getByRole('button', { name: `Anonymiser ${n} saker …` }).click();
    await dialog.getByRole('button', { name: `Ja, anonymiser ${n} saker` }).click();
    await expect(page.getByText(`${n} saker er anonymisert.`)).toBeVisible();
    expect(String((await apiAs('kommune', 'GET', `/api/cases/${due}`)).concern)).not.toContain('holdt utenfor');
    expect((await apiAs('kommune', 'GET', `/api/cases/${held}`)).concern).toContain('holdt utenfor');
    expect((await apiAs('kommune', 'GET', `/api/cases/${due}/verify`)).valid).toBe(true);
  } finally {
    const now = await apiAs('kommune', 'GET', `/api/owners/${OWNER}/retention`);
    await apiAs('kommune', 'PUT', `/api/owners/${OWNER}/retention`, {
      retentionYears: before.retentionYears,
      expectedVersion: now.version,
    });
  }
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CHILDREN, DEMO_UNITS } from '../../libs/persistence/src/seed/demo-data';
import { apiAs, child, schoolCase } from './api-helper';
import { baseUrl, expectAccessible, signIn } from './helpers';

const PURPOSE = 'Tilsyn med skolemiljøsaker, Statsforvalteren 2026';

async function signInAsAuditor(page: Page) {
  await page.goto(`${baseUrl()}/logg-inn`);
  await page.getByRole('button', { name: 'Revisor Rød', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Formålet med gjennomgangen' })).toBeVisible();
  await expectAccessible(page, 'formål');
  await page.getByRole('button', { name: 'Fortsett' }).click();
  await expect(page.getByText('Skriv formålet med gjennomgangen.')).toBeVisible();
  await page.getByLabel('Hva er formålet?').fill(PURPOSE);
  await page.getByRole('button', { name: 'Fortsett' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forside' })).toBeVisible();
}

test('the auditor gives the purpose once, finds a case, sees no write action anywhere, and every read is logged with the purpose', async ({
  page,
}) => {
  const c = await schoolCase('Sara Berg', 'planning');
  await signInAsAuditor(page);
  await expect(page.getByRole('link', { name: 'Meld bekymring' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Søk i saker' }).click();
  await page.getByLabel('Enhet').selectOption({ label: DEMO_UNITS.demoSkole.name });
  await page.getByLabel('Elev eller barn').selectOption({ label: 'Sara Berg' });
  await page.getByLabel('Tilstand').selectOption({ label: 'Plan lages' });
  await expectAccessible(page, 'søk i saker');
  await page.locator('[data-table="treff"]').getByRole('link', { name: 'Sara Berg' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sak om Sara Berg' })).toBeVisible();
  await expect(page.getByText('Du har ingen handlinger i saken nå.')).toBeVisible();
  // Read-only: nothing in the page's content can change the case.
  await expect(page.locator('main button')).toHaveCount(0);
  await expect(page.locator('[data-verified="ja"]')).toHaveText('Historikken er uendret');
  await expect(page.getByRole('link', { name: 'last ned som PDF' })).toHaveAttribute('href', new RegExp(`format=pdf&purpose=`));
  await expect(page.locator('[data-table="tilgangslogg"]')).toContainText(PURPOSE);
  // The journal: the concern as registered, its number, and the PDF exactly as it was registered.
  const journal = await apiAs('rektor', 'GET', `/api/cases/${c.id}/journal`);
  const concern = journal.entries[0];
  await expect(page.getByText(`Saksnummer ${journal.caseNumber}.`).first()).toBeVisible();
  const row = page.locator('[data-table="journal"] tr').filter({ hasText: concern.journalNumber });
  await expect(row).toContainText('Melding til rektor om skolemiljøet');
  const pdf = page.waitForEvent('download');
  await row.getByRole('link', { name: `Last ned ${concern.journalNumber}` }).click();
  const bytes = fs.readFileSync((await (await pdf).path())!);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(concern.sha256);
  await expectAccessible(page, 'saken for revisor');
  await page.getByRole('link', { name: 'Stafettloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stafettlogg' })).toBeVisible();
  await expect(page.locator('main button').filter({ hasNotText: 'Skriv ut' })).toHaveCount(0);

  const log = await apiAs('rektor', 'GET', `/api/cases/${c.id}/access-log`);
  const mine = log.entries.filter((e: { role: string }) => e.role === 'auditor');
  for (const kind of ['list', 'detail', 'history', 'verify', 'access_log', 'journal', 'bti_log']) {
    expect(mine.filter((e: { kind: string; purpose: string }) => e.kind === kind && e.purpose === PURPOSE).length).toBeGreaterThan(0);
  }
  expect(mine.every((e: { purpose: string | null }) => e.purpose === PURPOSE)).toBe(true);
});

test('BTI to level 2: a stafettholder is assigned and takes over, consent is recorded, and the level decided', async ({ page }) => {
  const c = await schoolCase('Ola Hansen');
  await apiAs('rektor', 'POST', `/api/cases/${c.id}/commands`, { type: 'ACKNOWLEDGE', expectedVersion: c.version });
  await signIn(page, 'Rektor Ruud');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  const bti = page.getByRole('region', { name: 'BTI og PPT' });
  await expect(bti).toContainText('Nivå 0: undring og bekymring');
  const send = async (action: string, fill: () => Promise<void>, submit: string) => {
    await page.getByRole('button', { name: action, exact: true }).click();
    await fill();
    await page.locator('.command-card').getByRole('button', { name: submit }).click();
    await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
  };
  await send(
    'Utpek stafettholder',
    async () => void (await page.getByLabel('Hvem skal være stafettholder?').selectOption({ label: 'Lærer Larsen' })),
    'Utpek stafettholderen',
  );
  await expect(bti).toContainText('Lærer Larsen er utpekt og har ikke godtatt ennå');
  await send(
    'Registrer samtykke',
    async () => {
      await page.getByLabel('Hvem ga samtykket?').fill('Foreldrene');
      await page.getByLabel('Hva kan deles, og til hva?').fill('Det PPT trenger for å gi råd om klassemiljøet');
    },
    'Lagre samtykket',
  );
  await expect(page.locator('[data-table="samtykker"]')).toContainText('Gitt');
  await send(
    'Bestem BTI-nivå',
    async () => {
      await page.getByLabel('Nivå 2: flere tjenester, med stafettholder').check();
      await page.locator('.command-card').getByLabel('Hvorfor?').fill('Flere tjenester må samarbeide');
      await page.getByLabel('Tjenester som skal være med (kommaseparert)').fill('ppt');
    },
    'Lagre beslutningen',
  );
  await expect(bti).toContainText('Nivå 2: flere tjenester samarbeider, med stafettholder');
  await expectAccessible(page, 'BTI-panelet');

  // The teacher takes over the stafett.
  await signIn(page, 'Lærer Larsen');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await page.getByRole('button', { name: 'Godta stafetten', exact: true }).click();
  await page.locator('.command-card').getByRole('button', { name: 'Jeg tar over som stafettholder' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'BTI og PPT' })).toContainText('Stafettholder: Lærer Larsen');
  await page.getByRole('link', { name: 'Stafettloggen' }).click();
  await expect(page.locator('[data-table="stafettlogg"]')).toContainText('BTI: stafettholder har tatt over');
  await expectAccessible(page, 'stafettlogg');
});

test('an anonymous request reaches PPT with no name or id of any child in the page; PPT gives its advice', async ({ page }) => {
  const c = await schoolCase('Ali Khan');
  const acked = await apiAs('rektor', 'POST', `/api/cases/${c.id}/commands`, { type: 'ACKNOWLEDGE', expectedVersion: c.version });
  await signIn(page, 'Rektor Ruud');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await page.getByRole('button', { name: 'Be PPT om råd', exact: true }).click();
  const card = page.locator('.command-card');
  await expect(card).toContainText('Uten samtykke kan du bare spørre anonymt');
  await card.getByLabel('Hva spør dere PPT om?').fill('Hvordan kan vi hjelpe en elev som blir holdt utenfor i spisepausen?');
  await card.getByLabel('Sammendrag uten navn').fill('En elev på 5. trinn blir holdt utenfor i spisepausen av flere medelever.');
  await card.getByRole('button', { name: 'Send til PPT' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
  expect(acked.version).toBeGreaterThan(0);

  await signIn(page, 'PPT Pedersen');
  await expect(page.getByRole('link', { name: 'Meld bekymring' })).toHaveCount(0);
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await expect(page.getByText('En elev på 5. trinn blir holdt utenfor i spisepausen')).toBeVisible();
  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const k of DEMO_CHILDREN) {
    expect(text).not.toContain(k.name);
    expect(html).not.toContain(k.id);
  }
  expect(html).not.toContain(child('Ali Khan'));
  await expectAccessible(page, 'PPT, anonym sak');
  await page.getByRole('button', { name: 'Gi råd', exact: true }).click();
  await page.locator('.command-card').getByLabel('Rådet fra PPT').fill('Faste voksne i spisepausen, og samtaler med klassen.');
  await page.locator('.command-card').getByRole('button', { name: 'Send rådet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'BTI og PPT' })).toContainText('Faste voksne i spisepausen');
});

test('consent withdrawn while PPT has the case open: the next action says plainly that access has ended', async ({ page }) => {
  let c = await schoolCase('Eva Nordmann');
  const run = async (user: string, type: string, payload: Record<string, unknown> = {}) =>
    (c = (await apiAs(user, 'POST', `/api/cases/${c.id}/commands`, { type, expectedVersion: c.version, ...payload })) as typeof c);
  await run('rektor', 'ACKNOWLEDGE');
  await run('rektor', 'RECORD_CONSENT', {
    service: 'ppt',
    givenBy: 'Foreldrene',
    form: 'written',
    scope: 'Råd om klassemiljøet',
    givenAt: new Date().toISOString(),
  });
  await run('rektor', 'REQUEST_PPT', { question: 'Råd om klassemiljøet', anonymous: false });

  await signIn(page, 'PPT Pedersen');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Sak/ })).toBeVisible();
  await page.getByRole('button', { name: 'Gi råd', exact: true }).click();
  await page.locator('.command-card').getByLabel('Rådet fra PPT').fill('Et råd som ikke skal komme fram.');

  await run('rektor', 'WITHDRAW_CONSENT', { service: 'ppt', reason: 'Foreldrene trakk samtykket' });
  await page.locator('.command-card').getByRole('button', { name: 'Send rådet' }).click();
  await expect(
    page.getByText('Du har ikke lenger tilgang til denne saken, for eksempel fordi samtykket til å dele den med deg er trukket.'),
  ).toBeVisible();
  await expectAccessible(page, 'PPT etter trukket samtykke');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke saken' })).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { daysAhead, schoolCase } from './api-helper';
import { baseUrl, expectAccessible, signIn } from './helpers';

/** The principal works a case from the report to closed, through the page's own forms. */
async function command(page: Page, action: string, fill: (card: ReturnType<Page['locator']>) => Promise<void>, submit: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const card = page.locator('.command-card');
  await fill(card);
  await card.getByRole('button', { name: submit }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
}

async function writePlan(page: Page, problem: string) {
  await page.getByRole('button', { name: 'Skriv aktivitetsplan', exact: true }).click();
  const card = page.locator('.command-card');
  await card.getByLabel('1. Problemet tiltakene skal løse').fill(problem);
  await card.getByLabel('Hva skal gjøres?').fill('En voksen er til stede i alle friminutt');
  await card.getByLabel('Type tiltak (FFSS)').selectOption('stoppe');
  await card.getByLabel('Når tiltakene skal gjennomføres', { exact: true }).fill('Hvert friminutt fra i morgen');
  await card.getByLabel('Hvem som skal gjennomføre tiltakene', { exact: true }).selectOption({ label: 'Lærer Larsen' });
  await card.getByLabel('Når tiltaket skal evalueres').fill(daysAhead(14));
  await card.getByLabel(/5\. Når tiltakene skal evalueres/).fill(daysAhead(21));
  await card.getByLabel('Barnets medvirkning').fill('Eva viste hvor den voksne bør stå');
  await card.getByLabel('Foreldrenes involvering').fill('Møte med foreldrene');
  await expectAccessible(page, 'planredigering');
  await card.getByRole('button', { name: 'Send til godkjenning' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toBeVisible();
}

async function toActive(page: Page, returnOnce: boolean) {
  await command(page, 'Bekreft mottatt', async () => undefined, 'Bekreft at meldingen er mottatt');
  await expect(page.getByText('Under undersøkelse', { exact: true })).toBeVisible();
  await command(
    page,
    'Barnets stemme',
    async (card) => {
      await card.getByLabel('Hvem snakket med barnet?').fill('Rektor Ruud');
      await card.getByLabel('Hva sa barnet?').fill('Eva sier hun gruer seg til friminuttene.');
    },
    'Lagre barnets stemme',
  );
  await command(
    page,
    'Avslutt undersøkelsen',
    async (card) => {
      await card.getByLabel('Eleven har ikke et trygt og godt miljø: det trengs tiltak').check();
      await card.getByLabel('Hva fant dere ut?').fill('Eva holdes utenfor av en gruppe i klassen.');
      await card.getByLabel('Barnets beste').fill('Eva trenger voksne tett på i friminuttene.');
    },
    'Lagre konklusjonen',
  );
  await expect(page.getByText('Plan lages', { exact: true })).toBeVisible();
  await writePlan(page, 'Eva holdes utenfor i friminuttene');
  await expect(page.getByText('Plan til godkjenning', { exact: true })).toBeVisible();
  if (returnOnce) {
    await command(
      page,
      'Send planen tilbake',
      (card) => card.getByLabel('Hva må endres?').fill('Skriv hvem som følger opp hjemme.'),
      'Send planen tilbake nå',
    );
    await expect(page.getByText('Plan lages', { exact: true })).toBeVisible();
    await writePlan(page, 'Eva holdes utenfor i friminuttene, og foreldrene er bekymret');
    await expect(page.getByText(/er endret/).first()).toBeVisible();
  }
  await expectAccessible(page, 'plan til godkjenning');
  await command(page, 'Godkjenn planen', async () => undefined, 'Ja, godkjenn planen');
  await expect(page.getByText('Tiltak i gang', { exact: true })).toBeVisible();
  await command(page, 'Start evaluering', async () => undefined, 'Start evalueringen nå');
  await expect(page.getByText('Evaluering', { exact: true })).toBeVisible();
}

test('acknowledge, the child’s voice, not safe, a plan returned once and approved, evaluation, resolved: closed', async ({ page }) => {
  const c = await schoolCase('Eva Nordmann');
  await signIn(page, 'Rektor Ruud');
  await expect(page.getByRole('heading', { name: 'Nye meldinger å bekrefte' })).toBeVisible();
  await expectAccessible(page, 'forside (rektor)');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await expectAccessible(page, 'sak (rektor)');
  await toActive(page, true);
  await command(
    page,
    'Evaluer tiltakene',
    async (card) => {
      await card.getByLabel('Løst: eleven har det trygt og godt').check();
      await card.getByLabel('Hvordan virket tiltakene?').fill('Eva er med i leken nå.');
      await card.getByLabel('Hva sier barnet nå?').fill('Eva sier det er bra.');
    },
    'Lagre evalueringen',
  );
  await expect(page.getByText('Avsluttet', { exact: true })).toBeVisible();
  // The whole history, in words, with who did it.
  const history = page.locator('.timeline');
  for (const entry of [
    'Melding bekreftet mottatt, undersøkelse startet',
    'Barnets stemme dokumentert',
    'Undersøkelse avsluttet',
    'Aktivitetsplan sendt tilbake',
    'Aktivitetsplan godkjent',
    'Tiltakene evaluert',
  ]) {
    await expect(history.getByText(entry).first()).toBeVisible();
  }
  await expect(history.getByText(/Rektor Ruud \(rektor\)/).first()).toBeVisible();
  await expectAccessible(page, 'avsluttet sak');
});

test('evaluate "revise" gives plan version 2, with what changed shown', async ({ page }) => {
  const c = await schoolCase('Sara Berg');
  await signIn(page, 'Rektor Ruud');
  await page.goto(`${baseUrl()}/saker/${c.id}`);
  await toActive(page, false);
  await command(
    page,
    'Evaluer tiltakene',
    async (card) => {
      await card.getByLabel('Endre planen (ny versjon)').check();
      await card.getByLabel('Hvordan virket tiltakene?').fill('Hjalp bare delvis.');
      await card.getByLabel('Hva sier barnet nå?').fill('Sara vil ha en fast voksen.');
    },
    'Lagre evalueringen',
  );
  await expect(page.getByText('Plan lages', { exact: true })).toBeVisible();
  await writePlan(page, 'Sara er ensom i friminuttene og trenger en fast voksen');
  await expect(page.getByRole('heading', { name: 'Aktivitetsplan, versjon 2' })).toBeVisible();
  await expect(page.getByText('1. Problemet tiltakene skal løse er endret.')).toBeVisible();
});

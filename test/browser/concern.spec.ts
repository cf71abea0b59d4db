import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible, expectNoBokmalOnly, signIn, tabTo } from './helpers';

/** Meld bekymring: a teacher gets a concern to the principal on one screen, and is told what happens next. */
test('a teacher reports a concern about a pupil; the receipt says who acknowledges by when', async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page).toHaveURL(/\/logg-inn/);
  await expectAccessible(page, 'logg inn');
  await signIn(page, 'Lærer Larsen');
  await expectAccessible(page, 'forside (lærer)');

  await page.getByRole('link', { name: 'Meld bekymring' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meld bekymring' })).toBeVisible();
  await expectAccessible(page, 'meld bekymring');
  await page.getByLabel('Søk etter navn').fill('eva');
  await page.getByLabel('Eva Nordmann (5A)').check();
  await page.getByLabel(/Hva så eller hørte du/).fill('Eva sa at de andre ikke lar henne være med i friminuttet.');
  await page.getByLabel('Eleven fortalte det').check();
  await page.getByLabel('Eleven har selv sagt at hen ikke har det trygt og godt').check();
  await page.getByRole('button', { name: 'Send til rektor' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen er sendt' })).toBeVisible();
  await expect(
    page.getByText(/Rektor har fått meldingen og skal bekrefte at den er mottatt innen \w+ \d+\. \w+ \d{4} kl\. \d{2}\.\d{2}/),
  ).toBeVisible();
  await expectAccessible(page, 'kvittering');
  await page.getByRole('link', { name: 'Åpne saken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sak om Eva Nordmann' })).toBeVisible();
  await expect(page.getByText('Meldt', { exact: true })).toBeVisible();
  await expectAccessible(page, 'sak (lærer)');
});

test('a kindergarten employee reports a concern by keyboard alone', async ({ page }) => {
  await page.goto(`${baseUrl()}/logg-inn`);
  // A keyboard user waits for the page as anyone does.
  await page.getByRole('button', { name: 'Ansatt Aas' }).waitFor();
  await tabTo(page, /Ansatt Aas/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Forside' })).toBeVisible();
  // On a page as it loads, the skip link is the first thing Tab reaches.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Forside' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Hopp til hovedinnholdet');
  await tabTo(page, /^Meld bekymring$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Meld bekymring' })).toBeVisible();
  await expect(page.getByText(/barnehageloven § 42/)).toBeVisible();
  await page.getByLabel('Emma Lie (Blåbær)').waitFor();
  await tabTo(page, /Søk etter navn/);
  await page.keyboard.type('Emma');
  await tabTo(page, /Emma Lie/);
  await page.keyboard.press('Space');
  await tabTo(page, /Hva så eller hørte du/);
  await page.keyboard.type('Emma gråter ved levering og sier at ingen vil leke med henne.');
  await tabTo(page, /Jeg så det selv/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Send til styrer$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen er sendt' })).toBeVisible();
  await expect(page.getByText(/Styrer har fått meldingen/)).toBeVisible();
});

test('a staff offence: the owner is told and the receipt says so; a leadership case never reaches the principal', async ({ browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, 'Lærer Larsen');
  await teacher.getByRole('link', { name: 'Meld bekymring' }).first().click();
  await teacher.getByLabel('Ola Hansen (5A)').check();
  await teacher.getByLabel(/Hva så eller hørte du/).fill('En assistent dro Ola hardt i armen.');
  await teacher.getByLabel('Jeg så det selv').check();
  await teacher.getByLabel('Gjelder det en ansatt som krenker en elev?').check();
  await teacher.getByRole('button', { name: 'Send til rektor' }).click();
  await expect(teacher.getByText(/Fordi det gjelder en ansatt, er kommunen også varslet \(opplæringslova § 12-5\)/)).toBeVisible();

  await teacher.getByRole('button', { name: 'Meld en ny bekymring' }).click();
  await teacher.getByLabel('Ali Khan (SFO)').check();
  await teacher.getByLabel(/Hva så eller hørte du/).fill('Inspektøren ropte til Ali.');
  await teacher.getByLabel('Jeg så det selv').check();
  await teacher.getByLabel('Gjelder det en ansatt som krenker en elev?').check();
  await teacher.getByLabel('Er det noen i ledelsen?').check();
  await teacher.getByRole('button', { name: 'Send til kommunen' }).click();
  await expect(teacher.getByText(/er det kommunen som følger opp saken, ikke rektor/)).toBeVisible();
  await teacher.getByRole('link', { name: 'Åpne saken' }).click();
  const leadershipUrl = teacher.url();

  const principal = await (await browser.newContext()).newPage();
  await signIn(principal, 'Rektor Ruud');
  await principal.goto(leadershipUrl);
  await expect(principal.getByRole('heading', { level: 1, name: 'Fant ikke saken' })).toBeVisible();
  await expectAccessible(principal, 'fant ikke saken');
});

/** Every bokmål message of the catalogue that nynorsk words differently is gone from the page (placeholders aside). */

test('The start page and Meld bekymring in nynorsk: the switch is remembered, <html lang> follows it, and no bokmål-only label is left', async ({
  page,
}) => {
  await signIn(page, 'Lærer Larsen');
  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Nynorsk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  // The app is drawn again in nynorsk; focus stays on the switch, and the shared labels are nynorsk too.
  await expect(page.getByRole('button', { name: 'Nynorsk' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Framside' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Oppgåvene mine' })).toBeVisible();
  await expectNoBokmalOnly(page, 'framside');
  await expectAccessible(page, 'framside på nynorsk');
  await page.getByRole('navigation').getByRole('link', { name: 'Meld bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meld bekymring' })).toBeVisible();
  await expect(page.getByText('Kva såg eller høyrde du?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send til rektor' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByLabel('Eg såg det sjølv')).toBeVisible();
  await expectNoBokmalOnly(page, 'meld bekymring');
  await expectAccessible(page, 'meld bekymring på nynorsk');
  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Bokmål' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
});

test("a child's chronology in nynorsk has no bokmål-only label left", async ({ page }) => {
  await signIn(page, 'Rektor Ruud');
  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Nynorsk' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Kronologi for barnet' }).click();
  await expectNoBokmalOnly(page, 'vel barn');
  await page.getByLabel('Elev eller barn').selectOption({ index: 1 });
  await expect(page.getByRole('heading', { level: 2, name: 'Tidsline' })).toBeVisible();
  await expectNoBokmalOnly(page, 'kronologi');
  await expectAccessible(page, 'kronologi på nynorsk');
  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Bokmål' }).click();
});

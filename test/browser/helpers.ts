/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readStack } from './stack';
import { nb } from '../../apps/web/src/i18n/nb';
import { nn } from '../../apps/web/src/i18n/nn';

export function baseUrl(): string {
  return process.env.TRYGG_BASE_URL ?? readStack()!.baseUrl;
}

export async function signIn(page: Page, displayName: string): Promise<void> {
  await page.goto(`${baseUrl()}/logg-inn`);
  await page.getByRole('button', { name: displayName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forside' })).toBeVisible();
}

/** axe-core with the WCAG 2.1 A and AA rules: no violations on the page as it stands. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}

/** Reflow (WCAG 1.4.10): at this width the page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/** Presses Tab until the focused element's accessible text matches, as a keyboard user would. */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const byLabel = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : '';
      return `${el.getAttribute('aria-label') ?? ''} ${byLabel ?? ''} ${el.closest('label')?.textContent ?? ''} ${el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? '' : (el.textContent ?? '')}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`no element named ${name} was reached with Tab`);
}

/**
 * In nynorsk, no message whose bokmål differs is shown in bokmål (each part between placeholders is
 * looked for). A message of one or two words counts only as a whole label (a text node of its own), so
 * the same words inside what somebody wrote in a case ("Hvordan kan en elev …") are not taken for a label.
 */
export async function expectNoBokmalOnly(page: Page, where: string) {
  const text = await page.locator('body').innerText();
  const labels = new Set(
    await page.evaluate(() => {
      const out: string[] = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
      return out;
    }),
  );
  for (const key of Object.keys(nb) as Array<keyof typeof nb>) {
    if (nb[key] === nn[key]) continue;
    for (const part of nb[key].split(/\{\w+\}/).filter((p) => p.trim().length > 3)) {
      if (nn[key].includes(part)) continue;
      const words = part.trim().split(/\s+/).length;
      const shown = words >= 3 ? text.includes(part.trim()) : labels.has(part.trim());
      expect({ where, key, shown }).toEqual({ where, key, shown: false });
    }
  }
}

import { expect, test, type Page } from './test.ts';
import { readRallyData } from './rally-data.ts';

const rallyData = readRallyData();
const displayName = (id: string, name: string) => (id === 'brasilia' ? 'Brasília' : name);

/** Presses Tab until `matches` holds for the focused element, or fails after `limit` presses. */
async function tabTo(page: Page, describe: string, matches: () => boolean, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    cityId: (document.activeElement as HTMLElement | null)?.dataset.cityId ?? null,
    id: document.activeElement?.id ?? '',
    label: document.activeElement?.getAttribute('aria-label') ?? '',
    text: document.activeElement?.textContent ?? '',
    isMarker: document.activeElement?.classList.contains('rally-marker') ?? false,
  }));

test.describe('keyboard only', () => {
  for (const feature of rallyData.features) {
    const name = displayName(feature.id, feature.properties.name);

    test(`reaches and opens ${name} from its marker, and Esc returns focus to the marker`, async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('.rally-marker')).toHaveCount(8);
      await tabTo(
        page,
        `the ${name} marker`,
        () => document.activeElement?.getAttribute('aria-label')?.includes(', rally on') ?? false,
      );
      // Walk the markers until this city's.
      for (let presses = 0; presses < 10 && (await focused(page)).cityId !== feature.id; presses += 1) {
        await page.keyboard.press('Tab');
      }
      expect((await focused(page)).label).toBe(`${name}, rally on 7 April 2018`);
      await page.keyboard.press('Enter');
      await expect(page.locator('#city-heading')).toBeFocused();
      await expect(page.locator('#city-heading')).toContainText(name);
      await expect(page.locator('#announcer')).toHaveText(`${name}, rally on 7 April 2018.`);

      await page.keyboard.press('Escape');
      await expect(page.getByRole('heading', { name: 'What happened' })).toBeVisible();
      await expect(page).toHaveURL(/\/$/);
      await expect.poll(async () => focused(page)).toMatchObject({ cityId: feature.id, isMarker: true });
    });

    test(`reaches and opens ${name} from the city list, and Esc returns focus to the list item`, async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('.rally-marker')).toHaveCount(8);
      await tabTo(page, `the ${name} list item`, () => document.activeElement?.matches('.city-button') === true);
      for (let presses = 0; presses < 10 && (await focused(page)).cityId !== feature.id; presses += 1) {
        await page.keyboard.press('Tab');
      }
      expect((await focused(page)).cityId).toBe(feature.id);
      await page.keyboard.press('Enter');
      await expect(page.locator('#city-heading')).toBeFocused();
      await expect(page.locator('#city-heading')).toContainText(name);
      await page.keyboard.press('Escape');
      await expect.poll(async () => focused(page)).toMatchObject({ cityId: feature.id, isMarker: false });
      await expect(page.locator(`.city-button[data-city-id="${feature.id}"]`)).toBeFocused();
    });
  }

  test('the skip link goes past the map, and the map controls come before the markers', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip the map' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const afterSkip = await page.evaluate(() => Boolean(document.activeElement?.closest('#panel')));
    expect(afterSkip).toBe(true);

    await page.goto('/');
    await expect(page.locator('.rally-marker')).toHaveCount(8);
    const order: string[] = [];
    for (let presses = 0; presses < 8; presses += 1) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const element = document.activeElement;
          if (element?.classList.contains('rally-marker')) return 'marker';
          if (element?.classList.contains('leaflet-control-zoom-in')) return 'zoom-in';
          if (element?.classList.contains('leaflet-control-zoom-out')) return 'zoom-out';
          return element?.tagName.toLowerCase() ?? '';
        }),
      );
    }
    expect(order.indexOf('zoom-in')).toBeGreaterThan(-1);
    expect(order.indexOf('zoom-in')).toBeLessThan(order.indexOf('marker'));
    expect(order.indexOf('zoom-out')).toBeLessThan(order.indexOf('marker'));
  });

  test('"All rallies" returns to the overview and focus to where the city was opened', async ({ page }) => {
    await page.goto('/');
    await page.locator('.city-button[data-city-id="munich"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#city-heading')).toBeFocused();
    await page.getByRole('link', { name: 'All rallies' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.city-button[data-city-id="munich"]')).toBeFocused();
  });

  test('Esc in the share menu closes only the menu', async ({ page }) => {
    await page.goto('/');
    await page.locator('.city-button[data-city-id="york"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Share', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeFocused();
    await expect(page.locator('#city-heading')).toHaveText('York');
    await page.keyboard.press('Escape');
    await expect(page.locator('.city-button[data-city-id="york"]')).toBeFocused();
  });

  test('the live region announces loading and the number of rallies', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#announcer')).toHaveText('8 rallies loaded.');
    await expect(page.locator('#announcer')).toHaveAttribute('aria-live', 'polite');
  });
});

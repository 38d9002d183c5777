import type { Page } from 'playwright-core';

/** From any page with a filled basket: the checkout form filled as a shopper would, the order placed and confirmed. */
export async function checkOut(page: Page, shopUrl: string, shopper = { name: 'Ada Lovelace', email: 'ada@example.com', address: '12 Analytical Row' }): Promise<void> {
  await page.goto(`${shopUrl}/checkout`);
  await page.waitForSelector('html[data-shop-ready]');
  await page.fill('input[name=name]', shopper.name);
  await page.fill('input[name=email]', shopper.email);
  await page.fill('input[name=address]', shopper.address);
  await page.click('[data-testid=place-order]');
  await page.waitForSelector('[data-testid=order-confirmation]');
  await page.waitForSelector('html[data-shop-ready]');
}

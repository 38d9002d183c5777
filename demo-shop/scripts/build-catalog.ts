// Builds demo-shop/data/catalog.json from a real UK gift shop's year of orders (UCI Online Retail).
// Run from the repository root: npx tsx demo-shop/scripts/build-catalog.ts [path/to/onlineretail.csv.gz]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CATALOG_PATH } from '../catalog.ts';
import { catalogFromSales } from './catalog-from-sales.ts';
import { readSales } from './read-sales.ts';

const DEFAULT_SOURCE = '../shared/data/uci_online_retail/onlineretail.csv.gz';

async function main(): Promise<void> {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  const sales = await readSales(source);
  const catalog = catalogFromSales(sales.values(), { size: 300, outOfStock: 8 });
  const json = `${JSON.stringify(catalog, null, 1)}\n`;
  writeFileSync(DEFAULT_CATALOG_PATH, json);

  const byCategory = new Map<string, number>();
  for (const item of catalog) byCategory.set(item.item_category, (byCategory.get(item.item_category) ?? 0) + 1);
  const prices = catalog.map((i) => i.price);
  console.log(`${catalog.length} products from ${sales.size} sold stock codes -> ${fileURLToPath(DEFAULT_CATALOG_PATH)}`);
  console.log(`${(json.length / 1024).toFixed(0)} KB, prices £${Math.min(...prices)}–£${Math.max(...prices)}, ` +
    `${catalog.filter((i) => i.availability === 'out_of_stock').length} out of stock`);
  for (const [category, count] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`  ${count}\t${category}`);
}

await main();

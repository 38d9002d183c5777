import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import { createSite } from '../../sites/sites.ts';
import { applyCatalogSettings, catalogSettingsPatchSchema, readCatalogSettings } from './settings.ts';

test.each([{ trustedReporters: 1 }, { trustedReporters: 0 }, { trustedReporters: 1001 }, { trustedReporters: 2.5 }, { trustedReporters: '3' }, { trustedReporters: null }, { trustedReporter: 3 }])(
  'a patch %j is refused',
  (patch) => expect(catalogSettingsPatchSchema.safeParse(patch).success).toBe(false),
);

test('a site reads the default of three until it stores its own; a patch keeps what it does not name', async () => {
  const db = await freshDb();
  await createSite(db, { id: 's', name: 'shop', origins: ['https://shop.example'] }, 0);
  expect(catalogSettingsPatchSchema.parse({})).toEqual({});
  expect(await readCatalogSettings(db, 's')).toEqual({ trustedReporters: 3 });
  expect(await applyCatalogSettings(db, 's', catalogSettingsPatchSchema.parse({ trustedReporters: 5 }), 1)).toEqual({ trustedReporters: 5 });
  expect(await applyCatalogSettings(db, 's', {}, 2)).toEqual({ trustedReporters: 5 });
  expect(await readCatalogSettings(db, 's')).toEqual({ trustedReporters: 5 });
});

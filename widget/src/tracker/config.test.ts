import { expect, test } from 'vitest';
import { readConfig } from './config.ts';

const tag = (attributes: Record<string, string>) => {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
};

test('the collector defaults to where the script came from', () => {
  expect(readConfig(tag({ src: 'https://host/shoploop.js', 'data-site': 'pk_1' }))).toEqual({
    site: 'pk_1',
    api: 'https://host',
    gpc: false,
    dir: 'https://host/',
  });
});

test('behind a proxy the folder is kept', () => {
  expect(readConfig(tag({ src: 'https://shop.com/sl/shoploop.js?v=2', 'data-site': 'pk_1' }))?.api).toBe(
    'https://shop.com/sl',
  );
});

test('the folder of the script is kept for the UI bundle, also behind a proxy', () => {
  expect(readConfig(tag({ src: 'https://shop.com/sl/shoploop.js?v=2', 'data-site': 'pk_1', 'data-api': '/api' }))?.dir).toBe(
    'https://shop.com/sl/',
  );
});

test('data-api wins, without its trailing slash; data-gpc="respect" turns on GPC', () => {
  const config = readConfig(
    tag({ src: 'https://cdn/x.js', 'data-site': 'pk_1', 'data-api': 'https://base.url/prefix/', 'data-gpc': 'respect' }),
  );
  expect(config).toEqual({ site: 'pk_1', api: 'https://base.url/prefix', gpc: true, dir: 'https://cdn/' });
});

test('without data-site there is nothing to do', () => {
  expect(readConfig(tag({ src: 'https://host/shoploop.js' }))).toBeUndefined();
});

// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import type { Api } from '../../api/client.ts';
import { defaultContactPolicy } from '../../../campaigns/policy/contact-policy.ts';
import { campaignDefaults } from '../../../campaigns/settings.ts';
import { DEFAULT_TRUSTED_REPORTERS } from '../../../catalog/trust/settings.ts';
import { defaultLifecycleSettings } from '../../../lifecycle/settings.ts';
import { zeroCounts } from '../../../lifecycle/read/stage-counts.ts';
import { reviewDefaults } from '../../../reviews/settings.ts';
import { SettingsPage } from './index.tsx';
import type { AllSettings } from './types.ts';

afterEach(() => render(null, document.body));

/** Preact runs effects after the next frame; the previews wait out their typing delay */
const settled = () => new Promise((r) => setTimeout(r, 500));

test('a save shows the settings the PUT answered with, without reading them again', async () => {
  const stored: AllSettings = {
    site: 's1',
    lifecycle: defaultLifecycleSettings,
    campaigns: campaignDefaults,
    contact: defaultContactPolicy,
    catalog: { trustedReporters: DEFAULT_TRUSTED_REPORTERS },
    reviews: reviewDefaults,
  };
  const gets: string[] = [];
  const api = {
    get: async (path: string) => {
      gets.push(path);
      return path.endsWith('/snippet') ? { script: '<script></script>', serviceWorker: { path: '/shoploop-sw.js', body: 'importScripts()' } } : stored;
    },
    post: async (path: string) =>
      path === '/stages/preview' ? { site: 's1', settings: stored.lifecycle, current: zeroCounts(), preview: zeroCounts() } : { title: 't', body: 'b', url: 'u', icon: null, item: null },
    put: async (_path: string, body: { contact: { maxPerWeek: number } }) => ({ ...stored, contact: { ...stored.contact, ...body.contact } }),
  } as unknown as Api;
  render(h(SettingsPage, { api, site: 's1', sites: [], period: {}, params: [] }), document.body);
  await settled();
  const input = document.querySelector('[data-field=maxPerWeek] input') as HTMLInputElement;
  input.value = String(defaultContactPolicy.maxPerWeek + 1);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settled();
  (document.querySelector('[data-settings=contact]') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await settled();
  expect(document.querySelector('[data-settings=contact] [role=status]')?.textContent).toContain('Saved');
  // the form starts again from what was stored: nothing left to save
  expect((document.querySelector('[data-settings=contact] button[type=submit]') as HTMLButtonElement).textContent).toBe('Save');
  expect((document.querySelector('[data-field=maxPerWeek] input') as HTMLInputElement).value).toBe(String(defaultContactPolicy.maxPerWeek + 1));
  expect(gets.filter((p) => p.endsWith('/settings'))).toEqual(['/sites/s1/settings']);
});

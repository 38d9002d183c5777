// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { ApiFailure, type Api } from '../../api/client.ts';
import { defaultContactPolicy } from '../../../campaigns/policy/contact-policy.ts';
import { ContactForm } from './contact-form.tsx';

afterEach(() => render(null, document.body));

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Preact runs effects after the next frame (the form's reset to the stored values among them) */
const settled = () => new Promise((r) => setTimeout(r, 150));

function type(selector: string, value: string) {
  const input = document.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

test('sends only the changed field, and shows the API\u2019s 400 message next to that field', async () => {
  const bodies: unknown[] = [];
  // the server's answer to maxPerDay 5 over maxPerWeek 2 (campaigns/site-campaign-config.ts), as the client reports it
  const api = {
    put: async (_path: string, body: unknown) => {
      bodies.push(body);
      throw new ApiFailure(400, 'bad_request', 'invalid body: contact.maxPerDay: maxPerDay cannot be more than maxPerWeek', { maxPerDay: 'maxPerDay cannot be more than maxPerWeek' });
    },
  } as unknown as Api;
  render(h(ContactForm, { api, site: 'site_demo', stored: defaultContactPolicy, onSaved: () => {} }), document.body);
  await settled();
  type('[data-field=maxPerDay] input', '5');
  await tick();
  (document.querySelector('[data-settings=contact]') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await tick();
  await tick();
  expect(bodies).toEqual([{ contact: { maxPerDay: 5 } }]);
  expect(document.querySelector('[data-field=maxPerDay] .hint.error')!.textContent).toBe('maxPerDay cannot be more than maxPerWeek');
  expect(document.querySelector('[data-field=maxPerWeek] .hint.error')).toBeNull();
  expect(document.querySelector('[role=alert]')!.textContent).toContain('contact.maxPerDay');
});

test('text that is not a number is flagged at the field and the form cannot be saved', async () => {
  render(h(ContactForm, { api: {} as Api, site: 'site_demo', stored: defaultContactPolicy, onSaved: () => {} }), document.body);
  await settled();
  type('[data-field=maxPerWeek] input', '');
  await tick();
  expect(document.querySelector('[data-field=maxPerWeek] .hint.error')!.textContent).toBe('enter a number');
  expect((document.querySelector('[data-settings=contact] button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
});

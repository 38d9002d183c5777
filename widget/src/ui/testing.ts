// Helpers for the blocks' tests (not bundled: nothing in the UI imports this file).
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { BlockConfig, BlockTracker } from '../tracker/blocks.ts';
import type { Answer } from './answer.ts';

export const config: BlockConfig = { site: 'pk_ui', api: 'https://api.example' };

/** A tracker whose `track` records calls; `visitor` answers 'V1' unless told otherwise. */
export const fakeTracker = (visitor: string | false = 'V1') => ({
  visitor: () => visitor,
  track: vi.fn<BlockTracker['track']>(),
});

export const answer = (items: number, scenario = 'also-bought'): Answer => ({
  rec_id: 'r_test',
  scenario,
  items: Array.from({ length: items }, (_, i) => ({
    item_id: `SKU-${i + 1}`,
    name: `Product ${i + 1}`,
    price: 10 + i,
    image: `https://img.example/${i + 1}.jpg`,
    url: `https://shop.example/p/${i + 1}`,
  })),
});

/**
 * Stubs fetch as the recommendations API: answers every request with `body` (an object is sent as JSON; a
 * function makes the body from the URL) and `status`, or fails like a network error when `body` is an Error.
 * Records the requested URLs.
 */
export const stubApi = (answerTo: unknown, status = 200) => {
  const urls: URL[] = [];
  const fetch = vi.fn(async (url: string) => {
    urls.push(new URL(url));
    const body = typeof answerTo == 'function' ? answerTo(new URL(url)) : answerTo;
    if (body instanceof Error) throw body;
    return new Response(typeof body == 'string' ? body : JSON.stringify(body), { status });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, urls };
};

/**
 * Stubs IntersectionObserver; `show(element, ratio)` reports that share of the element in view to every observer
 * still watching it, as the browser would.
 */
export const stubIntersectionObserver = () => {
  const watching = new Set<{ element: Element; callback: IntersectionObserverCallback; observer: object }>();
  class FakeIntersectionObserver {
    constructor(
      private callback: IntersectionObserverCallback,
      readonly options?: IntersectionObserverInit,
    ) {}
    observe(element: Element) {
      watching.add({ element, callback: this.callback, observer: this });
    }
    disconnect() {
      for (const watch of watching) if (watch.observer == this) watching.delete(watch);
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  return {
    show(element: Element, ratio: number) {
      for (const { element: watched, callback, observer } of [...watching]) {
        if (watched != element) continue;
        const entry = { target: element, isIntersecting: ratio > 0, intersectionRatio: ratio };
        callback([entry as IntersectionObserverEntry], observer as IntersectionObserver);
      }
    },
    watched: () => [...watching].map(({ element }) => element),
  };
};

/**
 * Lets DOM changes, fetches, renders and effects finish: Preact's effects wait for a frame, and `act` flushes them;
 * an answer arriving after one round renders in the next.
 */
export const settle = async () => {
  for (let round = 0; round < 3; round++) {
    await act(async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
};

/** The shadow root of the page's n-th block. */
export const shadowOf = (index = 0) => document.querySelectorAll('[data-shoploop]')[index]!.shadowRoot!;

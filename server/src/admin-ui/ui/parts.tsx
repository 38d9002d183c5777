import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-load.ts';

/** A titled block of a page. */
export function Section({ title, actions, children, class: cls }: { title: string; actions?: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <section class={`card ${cls ?? ''}`}>
      <header class="section-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** A page's heading and its body, with the `data-page` hook the e2e tests find it by. */
export function Page({ name, title, children, intro }: { name: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="page-body" data-page={name}>
      <header class="page-head">
        <h1>{title}</h1>
        {intro && <p class="hint">{intro}</p>}
      </header>
      {children}
    </div>
  );
}

/** Loading, failed or ready: renders `children(data)` only once there is data. */
export function Await<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) {
    return (
      <p class="error banner" role="alert">
        {state.error.message}{' '}
        <button type="button" class="link" onClick={state.reload}>
          Try again
        </button>
      </p>
    );
  }
  if (!state.data) return <p class="hint" aria-busy="true">Loading…</p>;
  return <>{children(state.data)}</>;
}

/** A chart and its numbers, side by side on a wide screen, one above the other on a phone. */
export function ChartWithTable({ chart, table }: { chart: ComponentChildren; table: ComponentChildren }) {
  return (
    <div class="chart-table">
      <div class="chart-cell">{chart}</div>
      <div class="table-cell">{table}</div>
    </div>
  );
}

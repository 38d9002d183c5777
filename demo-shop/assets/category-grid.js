import { pushListView } from './item-lists.js';

// Sorting and "Load more" on category pages fetch /api/products and update the URL with pushState, like a
// single-page app; the back button replays the URL through popstate. The server renders the same URLs too,
// so a reload or a shared link shows the same products.
const PAGE_SIZE = 24;

function stateFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const page = Number(params.get('page'));
  return { sort: params.get('sort') || 'popular', page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

function urlFor({ sort, page }) {
  const params = new URLSearchParams();
  if (sort !== 'popular') params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return window.location.pathname + (query ? `?${query}` : '');
}

export function initCategoryGrid() {
  const grid = document.querySelector('[data-item-list][data-category]');
  const sortSelect = document.querySelector('[data-testid="sort"]');
  const loadMore = document.querySelector('[data-testid="load-more"]');
  const showing = document.querySelector('[data-showing]');
  if (!grid || !sortSelect || !loadMore) return;

  let state = stateFromUrl();
  let latestRequest = 0;

  /** Fetches `count` products from `offset` and either appends them or replaces the grid. */
  async function show(nextState, { offset, count, append }) {
    const request = ++latestRequest;
    const params = new URLSearchParams({
      category: grid.dataset.category,
      sort: nextState.sort,
      offset: String(offset),
      limit: String(count),
    });
    grid.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(`/api/products?${params}`, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`products request failed: ${response.status}`);
      const data = await response.json();
      if (request !== latestRequest) return; // a newer click won
      const before = grid.children.length;
      if (append) grid.insertAdjacentHTML('beforeend', data.html);
      else grid.innerHTML = data.html;
      state = nextState;
      const shown = grid.children.length;
      showing.textContent = `Showing ${shown} of ${data.total}`;
      loadMore.hidden = shown >= data.total;
      loadMore.setAttribute('href', urlFor({ sort: state.sort, page: state.page + 1 }));
      pushListView(grid, Array.from(grid.children).slice(append ? before : 0));
    } catch (error) {
      console.error(error);
      window.location.assign(urlFor(nextState)); // let the server render it instead
    } finally {
      if (request === latestRequest) grid.removeAttribute('aria-busy');
    }
  }

  sortSelect.addEventListener('change', () => {
    const next = { sort: sortSelect.value, page: 1 };
    history.pushState(next, '', urlFor(next));
    void show(next, { offset: 0, count: PAGE_SIZE, append: false });
  });

  loadMore.addEventListener('click', (event) => {
    event.preventDefault();
    const next = { sort: state.sort, page: state.page + 1 };
    history.pushState(next, '', urlFor(next));
    void show(next, { offset: grid.children.length, count: PAGE_SIZE, append: true });
  });

  window.addEventListener('popstate', () => {
    const next = stateFromUrl();
    sortSelect.value = next.sort;
    void show(next, { offset: 0, count: next.page * PAGE_SIZE, append: false });
  });
}

import { hrefTo } from '../router/use-route.ts';
import { pageLabel, pageNames, type PageName } from '../router/routes.ts';

/** The nine pages: a side column on a wide screen, a scrolling strip on a phone. */
export function Nav({ current }: { current: PageName }) {
  return (
    <nav class="nav" aria-label="Pages">
      <ul>
        {pageNames.map((name) => (
          <li key={name}>
            <a href={hrefTo(name)} aria-current={name === current ? 'page' : undefined} data-nav={name}>
              {pageLabel[name]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

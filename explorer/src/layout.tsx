/** The frame of every page: a skip link, the site header with navigation and search, and a footer. */
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { SearchBox } from './search/search-box';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(href === '/' ? '/' : `${href}/*?`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const [onSearchPage] = useRoute('/search');
  const [onHomePage] = useRoute('/');
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link href="/" className="brand">
            Briefgraph <span>explorer</span>
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink href="/briefs">Briefs</NavLink>
              </li>
              <li>
                <NavLink href="/themes">Themes</NavLink>
              </li>
              <li>
                <NavLink href="/meetings">Meetings</NavLink>
              </li>
              <li>
                <NavLink href="/people">People</NavLink>
              </li>
              <li>
                <NavLink href="/graph">Graph</NavLink>
              </li>
              <li>
                <NavLink href="/path">Path</NavLink>
              </li>
            </ul>
          </nav>
          {/* Those two pages have a search box of their own. */}
          {onSearchPage || onHomePage ? null : <SearchBox label="Search the knowledge base" placeholder="Search…" />}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Briefgraph: a knowledge base over education research. Every page here is built from the public GraphQL API; write your own queries in{' '}
          <a href="/graphql">GraphiQL</a>.
        </p>
      </footer>
    </>
  );
}

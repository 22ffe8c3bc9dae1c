/**
 * The page's main heading. It names the browser tab, and after a navigation inside the explorer it
 * takes the focus, so keyboard and screen-reader users start reading the new page at its top.
 */
import { useEffect, useRef, type ReactNode } from 'react';

let navigatedInsideApp = false;

/** Called by the router on every client-side navigation (not on the first page load). */
export function noteClientNavigation(): void {
  navigatedInsideApp = true;
}

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Briefgraph explorer`;
  }, [title]);
  useEffect(() => {
    if (navigatedInsideApp) heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

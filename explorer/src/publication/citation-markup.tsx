/**
 * A formatted citation's HTML (citation-js's CSL bibliography markup) as React elements, keeping only
 * the inline formatting a citation uses (italics, bold, super- and subscript). Nothing else of the
 * markup is trusted: other elements become their text, attributes are dropped.
 */
import { Fragment, type ReactNode } from 'react';

const keptElements = new Set(['i', 'b', 'em', 'strong', 'sup', 'sub']);

function toReact(node: Node, key: number): ReactNode {
  // The markup's line breaks and indentation between its blocks are not part of the citation.
  if (node.nodeType === Node.TEXT_NODE)
    return /^\s*$/.test(node.textContent ?? '') && !keptElements.has(node.parentElement?.localName ?? '') ? null : node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const children = Array.from(node.childNodes, toReact);
  const name = (node as Element).localName;
  if (keptElements.has(name)) {
    const Element = name as 'i';
    return <Element key={key}>{children}</Element>;
  }
  return <Fragment key={key}>{children}</Fragment>;
}

export function CitationMarkup({ html }: { html: string }) {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return <>{Array.from(body.childNodes, toReact)}</>;
}

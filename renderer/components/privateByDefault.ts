/**
 * The safety net under PRIVATE_INPUT (./privateInput.ts): every text control the app ever renders
 * opts out of autofill, form-state restoration and spellcheck unless its own code chose otherwise
 * (an explicit autocomplete such as "current-password" is kept). So a field added tomorrow, in any
 * area, does not quietly copy a name or a case detail into Chromium's `Web Data` or `Sessions/*`
 * (issue 9 §5). Elements get the attributes as they are inserted, before anyone can type into them.
 */
const CONTROLS = 'input, textarea, select, form';

export function makePrivate(element: Element): void {
  if (!element.hasAttribute('autocomplete')) element.setAttribute('autocomplete', 'off');
  if (element.tagName !== 'FORM' && element.tagName !== 'SELECT' && !element.hasAttribute('spellcheck')) {
    element.setAttribute('spellcheck', 'false');
  }
}

function sweep(node: Node): void {
  if (!(node instanceof Element)) return;
  if (node.matches(CONTROLS)) makePrivate(node);
  node.querySelectorAll(CONTROLS).forEach(makePrivate);
}

/** Installs the guard on a document (the app's, once, at start); returns a function that removes it. */
export function keepControlsPrivate(root: Document = document): () => void {
  sweep(root.documentElement);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach(sweep);
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}

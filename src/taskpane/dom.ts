/**
 * The two DOM helpers every part of the pane uses: an element by id, and a new element with its
 * text (always as text, never as markup: unit names come from the officer's cells).
 */

/**
 * The element with this id, or null when the page has none.
 *
 * @example
 * byId<HTMLSelectElement>("year")?.value //=> "2024"
 */
export const byId = <T extends HTMLElement>(id: string): T | null =>
  document.getElementById(id) as T | null;

/**
 * A new element with its text and class.
 *
 * @example
 * element("p", "<b>x</b>").textContent //=> "<b>x</b>" (shown as text, never parsed as markup)
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

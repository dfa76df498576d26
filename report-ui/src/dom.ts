/**
 * A tiny DOM builder. Children given as strings become text nodes and attribute
 * values go through setAttribute, so names from the analysed code are never
 * parsed as HTML: there is no innerHTML anywhere in the report.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  title?: string;
  /** `data-*` attributes, keys without the prefix. */
  data?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  [attribute: string]: unknown;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'on') {
        for (const [type, handler] of Object.entries(value as Record<string, EventListener>)) node.addEventListener(type, handler);
      } else if (key === 'data') {
        for (const [name, v] of Object.entries(value as Record<string, string>)) node.dataset[name] = v;
      } else if (key === 'class') {
        node.className = String(value);
      } else if (value === true) {
        node.setAttribute(key, '');
      } else {
        node.setAttribute(key, String(value));
      }
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Arrow keys move focus between the rows of a list or table, Home/End jump,
 * Enter activates the focused row (its click handler).
 */
export function keyboardList(container: HTMLElement, rowSelector: string): void {
  container.addEventListener('keydown', (event) => {
    const rows = Array.from(container.querySelectorAll<HTMLElement>(rowSelector));
    const current = rows.indexOf(document.activeElement as HTMLElement);
    if (current === -1) return;
    const go = (i: number): void => {
      event.preventDefault();
      rows[Math.max(0, Math.min(rows.length - 1, i))]?.focus();
    };
    if (event.key === 'ArrowDown') go(current + 1);
    else if (event.key === 'ArrowUp') go(current - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(rows.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      rows[current].click();
    }
  });
}

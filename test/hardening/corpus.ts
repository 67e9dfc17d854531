import { expect } from '@open-wc/testing';
import { CONTAINER_WIDTH, nextFrame, shadowRoots } from './support.js';

declare global {
  interface Window {
    /** Set by any payload that manages to run. */
    __pwned?: unknown;
  }
}

/** A title of one mebibyte, without a single space: built here rather than kept in the source. */
function megabyteTitle(): string {
  const unit = 'Compte-rendu_opératoire_';
  return unit.repeat(Math.ceil((1024 * 1024) / unit.length)).slice(0, 1024 * 1024);
}

/**
 * What a hostile or careless party may put in a field: markup that runs script if parsed as
 * HTML, URLs that run script if used as links, text that breaks layouts, and characters that
 * confuse what a reader sees. Every payload that can run sets `window.__pwned`.
 */
export const HOSTILE: Readonly<Record<string, string>> = {
  'script-tag': '<script>window.__pwned = "script"</script>Dr Script',
  'img-onerror': '<img src=x onerror="window.__pwned = \'img\'">',
  'svg-onload': '<svg onload="window.__pwned = \'svg\'"><circle r="40"></circle></svg>',
  'iframe-srcdoc': '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
  'attribute-breakout': '" autofocus onfocus="window.__pwned = \'attr\'" x="\'><img src=x onerror=window.__pwned=1>',
  'javascript-url': 'javascript:window.__pwned="url"//',
  'link-javascript': '<a href="javascript:window.__pwned=\'link\'">Ouvrir le document</a>',
  'template-injection': '${window.__pwned = "tpl"} {{constructor.constructor("window.__pwned=1")()}} <!--?lit$0$-->',
  'long-words': `Compte rendu de consultation ${'très détaillé et vraiment très long '.repeat(120)}fin`,
  'long-unbroken': `https://exemple.org/${'a1b2c3d4e5'.repeat(300)}`,
  'rtl-override': '\u202Efdp.exe\u202C Dr \u2067مريم\u2069 \u200FMartin',
  'zero-width': 'Ma\u200Brt\u200Ci\u200Dn\u2060 \u00AD Du\u200Bpont',
  nul: 'Avant\u0000après \u0000NUL',
  emoji: '👩🏽‍⚕️ Cœur ❤️‍🔥 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇫🇷 ﷽',
  'one-megabyte': megabyteTitle(),
};

export const PAYLOAD_NAMES = Object.keys(HOSTILE);

/**
 * Markup that would only be there if a payload had been parsed as HTML: the elements render none.
 * Links are theirs (tel:, mailto:); one made from a payload would carry a `javascript:` URL.
 */
const INJECTED = 'script, img, svg, iframe, object, embed, [srcdoc], [onerror], [onload], [onfocus], [onclick]';

function injectedIn(root: ParentNode): Element[] {
  const found = [...root.querySelectorAll(INJECTED)];
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const url = /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value);
      if (url || /^on/i.test(attr.name)) found.push(el);
    }
  }
  return found;
}

/** What the page itself holds of that kind (the test runner's scripts): not a payload's doing. */
let pageBaseline = new Set<Element>();

/** Call before mounting: what the page holds now is not counted by `assertInert`. */
export function markPageBaseline(): void {
  pageBaseline = new Set([...injectedIn(document.head), ...injectedIn(document.body)]);
  delete window.__pwned;
}

/**
 * Nothing was created from a payload (no script, image, SVG, frame, link or event-handler
 * attribute inside the element's shadow roots, nor new ones in the page), and no payload ran.
 */
export async function assertInert(el: Element): Promise<void> {
  // Give an image's error or an SVG's load, had one been created, the time to fire.
  await nextFrame();
  await nextFrame();
  const found = shadowRoots(el).flatMap((root) => injectedIn(root));
  const inPage = [...injectedIn(document.head), ...injectedIn(document.body)].filter((e) => !pageBaseline.has(e));
  const all = [...new Set([...found, ...inPage])];
  expect(all.length, `markup created from a payload: ${all.map((e) => e.outerHTML.slice(0, 120)).join(' | ')}`).to.equal(0);
  expect(window.__pwned, 'a payload ran').to.equal(undefined);
}

export interface WrapOptions {
  /** Texts the element shows: each box holding one must fit the column too, or truncate it with a tooltip. */
  texts?: readonly string[];
  tolerance?: number;
}

function ownText(node: Element): string {
  return [...node.childNodes]
    .filter((c) => c.nodeType === Node.TEXT_NODE)
    .map((c) => c.textContent ?? '')
    .join('');
}

/** Whether `node` cuts its text with an ellipsis and shows the whole of it as a tooltip. */
function truncatedWithTooltip(node: Element, text: string): boolean {
  const style = getComputedStyle(node);
  if (style.textOverflow !== 'ellipsis' || style.overflowX === 'visible') return false;
  for (let at: Element | null = node; at; at = at.parentElement) {
    if ((at.getAttribute('title') ?? '').includes(text.slice(0, 200))) return true;
  }
  return false;
}

function describe(node: Element): string {
  const host = (node.getRootNode() as ShadowRoot).host?.localName ?? 'page';
  const classes = node.getAttribute('class') ? `.${node.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
  const part = node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : '';
  return `${host} <${node.localName}${classes}${part}> "${(node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}…"`;
}

/**
 * The element stays in its column: its box is no wider, its base part does not overflow
 * sideways, and each box holding one of `texts` wraps it within the column or truncates it with
 * a tooltip (a long unbroken string needs `overflow-wrap: anywhere` for this). Every box at fault
 * is named in the failure.
 */
export function assertWraps(el: HTMLElement, options: WrapOptions = {}): void {
  const tolerance = options.tolerance ?? 2;
  const faults: string[] = [];
  const column = el.getBoundingClientRect();
  if (column.width > CONTAINER_WIDTH + 1) faults.push(`${el.localName} is ${Math.round(column.width)}px wide in a ${CONTAINER_WIDTH}px column`);
  const right = column.left + CONTAINER_WIDTH;
  for (const root of shadowRoots(el)) {
    for (const base of root.querySelectorAll<HTMLElement>('[part~="base"]')) {
      const overflow = base.scrollWidth - base.clientWidth;
      if (overflow <= tolerance) continue;
      // Name the boxes that widen first: wider than the column while their parent is not.
      const limit = CONTAINER_WIDTH + tolerance;
      const wide = (n: Element) => n.getBoundingClientRect().width > limit;
      let innermost = [...base.querySelectorAll('*')].filter((n) => wide(n) && !(n.parentElement && wide(n.parentElement)));
      if (innermost.length === 0) {
        const out = [...base.querySelectorAll('*')].filter((n) => n.getBoundingClientRect().right > right + tolerance);
        innermost = out.filter((n) => !out.some((o) => o !== n && n.contains(o)));
      }
      innermost = innermost.slice(0, 4);
      faults.push(`the base part of ${(root.host as Element).localName} overflows sideways by ${overflow}px, through ${innermost.map(describe).join('; ')}`);
    }
  }
  for (const text of new Set((options.texts ?? []).map((t) => t.trim()).filter(Boolean))) {
    const probe = text.slice(0, 60);
    let seen = 0;
    for (const root of shadowRoots(el)) {
      for (const node of root.querySelectorAll<HTMLElement>('*')) {
        if (!ownText(node).includes(probe)) continue;
        const box = node.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        seen += 1;
        if (box.width <= CONTAINER_WIDTH + tolerance || truncatedWithTooltip(node, text)) continue;
        faults.push(`${describe(node)} is ${Math.round(box.width)}px wide: it neither wraps nor truncates with a tooltip`);
      }
    }
    if (seen === 0) faults.push(`no visible box holds "${probe.slice(0, 30)}…"`);
  }
  expect(faults.length, `${el.localName} does not fit a ${CONTAINER_WIDTH}px column:\n  ${faults.join('\n  ')}\n`).to.equal(0);
}

/**
 * Registers a tag once. Two apps on one intranet page may each load us: the same class again is
 * a no-op, another version keeps the first definition and says so instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(`dmp-elements: <${tag}> is already defined by another copy of the library; this copy's definition is ignored.`);
    return;
  }
  customElements.define(tag, ctor);
}

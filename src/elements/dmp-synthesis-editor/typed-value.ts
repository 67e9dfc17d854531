import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo, type PropertyPart } from 'lit/directive.js';

/*
 * The work keeps what a field means, not what was typed: reactions as trimmed lines, a date only
 * once it is whole. Lit writes a property whenever it differs from what Lit last wrote, so
 * writing that back at each keystroke would undo typing: a line break just made, a trailing
 * space, a date whose day is being retyped (its text is then empty, and writing the empty date
 * clears its month and year too). Here the control is compared instead: one whose text already
 * means the value shown keeps its text; any other value replaces it.
 */

/** Whether the control's text already means `text`, the value about to be shown. */
export type Means = (control: HTMLInputElement | HTMLTextAreaElement, text: string) => boolean;

class TypedValue extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.PROPERTY || part.name !== 'value') throw new Error('typedValue() binds the .value property');
  }

  render(text: string, _means?: Means): string {
    return text;
  }

  override update(part: PropertyPart, [text, means]: [string, Means?]): typeof noChange {
    const control = part.element as HTMLInputElement | HTMLTextAreaElement;
    if (control.value !== text && !means?.(control, text)) control.value = text;
    return noChange;
  }
}

/** `.value=${typedValue(text, means)}`: sets the control's text to `text` unless it is that text or `means` it. */
export const typedValue = directive(TypedValue);

/** One entry a line, as the work keeps them: blank lines and the spaces around each dropped. */
export const meansLines: Means = (control, text) =>
  control.value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n') === text;


import { sendKeys } from '@web/test-runner-commands';

/*
 * Retyping part of a date field, as a user does. The field's first part is the day or the month,
 * after the browser's locale: tests accept either.
 */

/** Focuses `control` and erases its first part; resolves once `host` has drawn what followed. */
export async function eraseFirstDatePart(control: HTMLInputElement, host: { updateComplete: Promise<unknown> }): Promise<void> {
  control.focus();
  await sendKeys({ press: 'Backspace' });
  await host.updateComplete;
}

/** What `value` (`YYYY-MM-DD`) becomes once its first part is typed again as `part`: day first, or month first. */
export function retypedDates(value: string, part: string): string[] {
  const [year, month, day] = value.split('-');
  return [`${year}-${month}-${part}`, `${year}-${part}-${day}`];
}

import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../i18n/format.js';
import type { PatientDisplay } from '../../model/patient.js';

/**
 * The patient as the host software identifies them, the same line in every element (the
 * `patient` CSS part): never traits read from the DMP, which the host has already checked.
 */
export function renderPatientLine(patient: PatientDisplay | undefined, locale: string | undefined): TemplateResult | typeof nothing {
  if (!patient) return nothing;
  return html`<p part="patient" class="patient">
    ${patient.birthDate
      ? msg(str`Patient : ${patient.name}, né(e) le ${formatDate(patient.birthDate, locale)}`)
      : msg(str`Patient : ${patient.name}`)}
  </p>`;
}

import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../i18n/format.js';
import type { PatientDisplay, Sex } from '../../model/patient.js';

function sexText(sex: Sex): string {
  return sex === 'F' ? msg('sexe féminin') : sex === 'M' ? msg('sexe masculin') : msg('sexe indéterminé');
}

/**
 * The patient as the host software identifies them, the same line in every element (the
 * `patient` CSS part): name, sex and birth date as given, never traits read from the DMP, which
 * the host has already checked.
 */
export function renderPatientLine(patient: PatientDisplay | undefined, locale: string | undefined): TemplateResult | typeof nothing {
  if (!patient) return nothing;
  const traits = [
    patient.name,
    patient.sex && sexText(patient.sex),
    patient.birthDate && msg(str`né(e) le ${formatDate(patient.birthDate, locale)}`),
  ].filter(Boolean);
  return html`<p part="patient" class="patient">${msg(str`Patient : ${traits.join(', ')}`)}</p>`;
}

import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDate } from '../../i18n/format.js';
import type { PatientProfile } from '../../model/profile.js';
import { bloodGroupLabel, organDonationLabel } from './texts.js';

/** The mark every section carries, so nobody mistakes a declaration for a professional's finding. */
export function declaredBadge(): TemplateResult {
  return html`<span part="badge" class="badge">${msg('Déclaré par le patient')}</span>`;
}

/** A section of the read view: its heading, the badge, its content. */
export function section(id: string, title: string, content: unknown): TemplateResult {
  return html`<section part="section" class="section" aria-labelledby=${`${id}-title`} data-section=${id}>
    <div class="section-head">
      <h3 id=${`${id}-title`}>${title}</h3>
      ${declaredBadge()}
    </div>
    ${content}
  </section>`;
}

function notFilled(): TemplateResult {
  return html`<p class="muted">${msg('Non renseigné')}</p>`;
}

export const SECTION_TITLES = {
  bloodGroup: () => msg('Groupe sanguin'),
  allergies: () => msg('Allergies et intolérances'),
  treatments: () => msg('Traitements en cours'),
  contacts: () => msg('Personnes à prévenir en cas d’urgence'),
  trusted: () => msg('Personne de confiance'),
  directives: () => msg('Directives anticipées'),
  organ: () => msg('Don d’organes et de tissus'),
};

/** The directives section: the written directives, then the part the element owns (files, upload). */
export function renderDirectivesSection(profile: PatientProfile | undefined, locale: string | undefined, files: unknown, idPrefix = ''): TemplateResult {
  const directives = profile?.advanceDirectives;
  return section(
    `${idPrefix}directives`,
    SECTION_TITLES.directives(),
    html`${directives
      ? html`<p class="meta">${msg(str`Rédigées le ${formatDate(directives.writtenOn, locale)}`)}</p>
          ${directives.text ? html`<p class="value prose" lang="fr">${directives.text}</p>` : nothing}`
      : nothing}
    ${files}`,
  );
}

/**
 * The declared information, read-only. What the patient wrote is French, marked so in an English
 * page, for a screen reader to speak it as French. `directivesFiles` is the part of the directives section
 * the element owns (uploaded documents and, for those who may, the upload form); `idPrefix` keeps
 * the ids apart when these sections stand beside others (a version saved meanwhile, by a form).
 */
export function renderProfileSections(p: PatientProfile, locale: string | undefined, directivesFiles: unknown, idPrefix = ''): TemplateResult {
  return html`
    ${section(`${idPrefix}blood-group`, SECTION_TITLES.bloodGroup(), html`<p class="value">${bloodGroupLabel(p.bloodGroup)}</p>`)}
    ${section(
      `${idPrefix}allergies`,
      SECTION_TITLES.allergies(),
      p.allergiesNoneKnown
        ? html`<p class="value">${msg('Aucune allergie connue')}</p>`
        : p.allergies.length === 0
          ? notFilled()
          : html`<ul class="entries">
              ${repeat(p.allergies, (a) => a.id, (a) => html`<li>
                <strong lang="fr">${a.agent}</strong>${a.reaction ? html` — <span lang="fr">${a.reaction}</span>` : nothing}
                ${a.since ? html`<span class="meta">${msg(str`depuis le ${formatDate(a.since, locale)}`)}</span>` : nothing}
              </li>`)}
            </ul>`,
    )}
    ${section(
      `${idPrefix}treatments`,
      SECTION_TITLES.treatments(),
      p.treatments.length === 0
        ? notFilled()
        : html`<ul class="entries">
            ${repeat(p.treatments, (t) => t.id, (t) => html`<li><strong lang="fr">${t.name}</strong>${t.dosage ? html` — <span lang="fr">${t.dosage}</span>` : nothing}</li>`)}
          </ul>`,
    )}
    ${section(
      `${idPrefix}contacts`,
      SECTION_TITLES.contacts(),
      p.emergencyContacts.length === 0
        ? notFilled()
        : html`<ul class="entries">
            ${repeat(p.emergencyContacts, (c) => c.id, (c) => html`<li>
              <strong>${c.name}</strong> (<span lang="fr">${c.relationship}</span>) —
              <a href=${`tel:${c.phone.replace(/\s/g, '')}`}>${c.phone}</a>
            </li>`)}
          </ul>`,
    )}
    ${section(
      `${idPrefix}trusted`,
      SECTION_TITLES.trusted(),
      !p.trustedPerson
        ? notFilled()
        : html`<p class="value">
            <strong>${p.trustedPerson.name}</strong>${p.trustedPerson.relationship ? html` (<span lang="fr">${p.trustedPerson.relationship}</span>)` : nothing}
          </p>
          ${p.trustedPerson.phone || p.trustedPerson.email
            ? html`<p class="meta">
                ${p.trustedPerson.phone ? html`<a href=${`tel:${p.trustedPerson.phone.replace(/\s/g, '')}`}>${p.trustedPerson.phone}</a>` : nothing}
                ${p.trustedPerson.phone && p.trustedPerson.email ? ' · ' : nothing}
                ${p.trustedPerson.email ? html`<a href=${`mailto:${p.trustedPerson.email}`}>${p.trustedPerson.email}</a>` : nothing}
              </p>`
            : nothing}`,
    )}
    ${renderDirectivesSection(p, locale, directivesFiles, idPrefix)}
    ${section(
      `${idPrefix}organ`,
      SECTION_TITLES.organ(),
      html`<p class="value">${organDonationLabel(p.organDonation.choice)}</p>
        ${p.organDonation.note ? html`<p class="prose" lang="fr">${p.organDonation.note}</p>` : nothing}`,
    )}
  `;
}

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PATIENT_ADULT, SEED_NOW, actorById } from '../mocks/data/index.js';
import { db } from '../mocks/db/store.js';
import '../src/context/dmp-provider.js';
import '../src/elements/dmp-document-list/dmp-document-list.js';
import { elementArgTypes, sessionWarningShown } from './support.js';

interface Args {
  actor: string;
  locale: 'fr' | 'en';
  baseUrl: string;
  sessionTimeout: number;
  sessionWarning: number;
  requestTimeout: number;
  secret: boolean;
}

const TAG = 'dmp-provider';
const ARGS: Args = {
  actor: 'ps-martin',
  locale: 'fr',
  baseUrl: '/api/dmp/v1',
  sessionTimeout: 1800,
  sessionWarning: 60,
  requestTimeout: 15_000,
  secret: false,
};

/**
 * The root of an integration: it hands the elements inside it the client, the user, the policy,
 * the locale and the session, and draws one thing of its own, the warning that the session is
 * about to end for inactivity (`::part(session-warning)`, its button `::part(session-warning-button)`).
 * A document list stands inside it here.
 */
const meta: Meta<Args> = {
  title: 'Elements/dmp-provider',
  component: TAG,
  args: ARGS,
  argTypes: {
    ...elementArgTypes(TAG, ARGS),
    baseUrl: { control: 'text' },
    sessionTimeout: { control: { type: 'number', min: 0 } },
    sessionWarning: { control: { type: 'number', min: 0 } },
    requestTimeout: { control: { type: 'number', min: 0 } },
    secret: { control: 'boolean' },
  },
  parameters: {
    // On the docs page, each in a frame of its own: the warning is modal, and would hold the whole page.
    docs: { story: { inline: false, height: '480px' } },
  },
  beforeEach: () => {
    db.setNow(SEED_NOW);
  },
  render: (args) => html`<dmp-provider
    base-url=${args.baseUrl}
    locale=${args.locale}
    session-timeout=${args.sessionTimeout}
    session-warning=${args.sessionWarning}
    request-timeout=${args.requestTimeout}
    ?secret=${args.secret}
    .actor=${actorById(args.actor)}
  >
    <dmp-document-list patient-ins=${PATIENT_ADULT.identity.ins}></dmp-document-list>
  </dmp-provider>`,
};
export default meta;

type Story = StoryObj<Args>;

/** While the session goes on, the provider draws nothing of its own: only the elements inside it. */
export const Default: Story = {};

/**
 * A minute before the session ends for inactivity (here after 2 s of a 62 s session), the
 * provider warns in a modal dialog, above any dialog of an element's; "Rester connecté", Escape or
 * any activity keeps the session.
 */
export const SessionWarning: Story = {
  args: { sessionTimeout: 62, sessionWarning: 60 },
  play: async ({ canvasElement }) => void (await sessionWarningShown(canvasElement)),
};

/** The warning in English: the provider's `locale` sets the language of every element inside it. */
export const SessionWarningEnglish: Story = {
  ...SessionWarning,
  args: { sessionTimeout: 62, sessionWarning: 60, locale: 'en' },
};

/** A shorter warning (20 s, the least WCAG 2.2.1 allows), here after 2 s of a 22 s session. */
export const ShortSessionWarning: Story = {
  ...SessionWarning,
  args: { sessionTimeout: 22, sessionWarning: 20 },
};

/** The host's theme reaches the warning through the custom properties set on the provider, and its parts. */
export const ThemedSessionWarning: Story = {
  ...SessionWarning,
  render: (args, context) => html`<style>
      .themed dmp-provider {
        --dmp-color-emergency: #6a1b9a;
        --dmp-color-accent: #6a1b9a;
        --dmp-color-focus: #6a1b9a;
        --dmp-font-family: Georgia, 'Times New Roman', serif;
        --dmp-radius: 0;
      }
      .themed dmp-provider::part(session-warning) {
        inset: 1rem 1rem auto;
      }
      .themed dmp-provider::part(session-warning-button) {
        text-transform: uppercase;
      }
    </style>
    <div class="themed">${meta.render!(args, context)}</div>`,
};

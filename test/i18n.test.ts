import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import {
  availableLanguages,
  LANGUAGES,
  registerLanguage,
  resolveLanguage,
  toLanguage,
  translate,
  translatePlural,
  overrideStrings,
  shippedStrings,
  type StringBundle,
} from '../src/i18n/index.js';
import { communityStrings } from '../src/i18n/community.js';
import { expertiseStrings } from '../src/i18n/expertise.js';
import { growthStrings } from '../src/i18n/growth.js';
import { hoverCardStrings } from '../src/i18n/hover-card.js';
import { kudosStrings } from '../src/i18n/kudos.js';
import { metricsStrings } from '../src/i18n/metrics.js';
import { peoplePickerStrings } from '../src/i18n/people-picker.js';
import { profileCardStrings } from '../src/i18n/profile-card.js';
import * as api from '../src/api.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import { registerTestBackend } from './helpers/backends.js';

const bundle = {
  en: { hello: 'Hello {name}', bye: 'Goodbye', 'items.one': '{count} item', 'items.other': '{count} items' },
  nl: { hello: 'Hallo {name}', bye: 'Dag', 'items.one': '{count} item', 'items.other': '{count} items' },
  de: {
    hello: 'Hallo {name}',
    bye: 'Tschüss',
    'items.one': '{count} Eintrag',
    'items.other': '{count} Einträge',
  },
  fr: {
    hello: 'Bonjour {name}',
    bye: 'Au revoir',
    'items.one': '{count} élément',
    'items.other': '{count} éléments',
  },
};

/** Every bundle the elements use, by module. */
const BUNDLES: Record<string, StringBundle> = {
  community: communityStrings,
  expertise: expertiseStrings,
  growth: growthStrings,
  'hover-card': hoverCardStrings,
  kudos: kudosStrings,
  metrics: metricsStrings,
  'people-picker': peoplePickerStrings,
  'profile-card': profileCardStrings,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('i18n', () => {
  it('maps language tags to the most specific available language', () => {
    expect(toLanguage('nl-BE')).to.equal('nl');
    expect(toLanguage('EN_gb')).to.equal('en');
    expect(toLanguage('fr')).to.equal('fr');
    expect(toLanguage('de-AT')).to.equal('de');
    expect(toLanguage('FR-ca')).to.equal('fr');
    expect(toLanguage('sv')).to.equal(undefined);
    expect(toLanguage('not a tag')).to.equal(undefined);
    expect(toLanguage('')).to.equal(undefined);
  });

  it('resolves from the nearest lang ancestor, then config, then document', () => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', 'nl');
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    expect(resolveLanguage(inner)).to.equal('nl');
    outer.setAttribute('lang', 'de-AT');
    expect(resolveLanguage(inner)).to.equal('de');
    outer.removeAttribute('lang');
    expect(resolveLanguage(inner, 'nl')).to.equal('nl');
    expect(resolveLanguage(inner, 'fr-BE')).to.equal('fr');
    document.documentElement.lang = 'en';
    expect(resolveLanguage(inner)).to.equal('en');
    outer.remove();
  });

  it('translates with parameters, plurals and overrides', () => {
    expect(translate(bundle, 'nl', 'hello', { name: 'Jan' })).to.equal('Hallo Jan');
    expect(translatePlural(bundle, 'en', 'items', 1)).to.equal('1 item');
    expect(translatePlural(bundle, 'nl', 'items', 1200)).to.equal('1.200 items');
    expect(translatePlural(bundle, 'de', 'items', 1200)).to.equal('1.200 Einträge');
    // French counts 0 as singular, and groups thousands with a narrow no-break space.
    expect(translatePlural(bundle, 'fr', 'items', 0)).to.equal('0 élément');
    expect(translatePlural(bundle, 'fr', 'items', 1200)).to.equal('1\u202f200 éléments');
    overrideStrings({ nl: { hello: 'Dag {name}' } });
    expect(translate(bundle, 'nl', 'hello', { name: 'Jan' })).to.equal('Dag Jan');
    overrideStrings({ nl: { hello: 'Hallo {name}' } });
  });

  it('registers a third language, complete, and uses it', () => {
    expect(toLanguage('it')).to.equal(undefined);
    registerLanguage('it', {
      hello: 'Ciao {name}',
      bye: 'Arrivederci',
      'items.one': '{count} elemento',
      'items.other': '{count} elementi',
    });
    expect(toLanguage('it-CH')).to.equal('it');
    expect(availableLanguages()).to.include.members([...LANGUAGES, 'it']);
    expect(translate(bundle, 'it', 'hello', { name: 'Gianni' })).to.equal('Ciao Gianni');
    expect(translatePlural(bundle, 'it', 'items', 1)).to.equal('1 elemento');
    expect(translatePlural(bundle, 'it', 'items', 15000)).to.equal('15.000 elementi');
  });

  it('falls back per string: a partial language, then a regional variant of a shipped one', () => {
    registerLanguage('pt', { hello: 'Olá {name}' });
    expect(translate(bundle, 'pt', 'hello', { name: 'Ana' })).to.equal('Olá Ana');
    expect(translate(bundle, 'pt', 'bye')).to.equal('Goodbye');
    // Numbers still follow the language even where the words are English.
    expect(translatePlural(bundle, 'pt', 'items', 1500)).to.equal('1.500 items');

    registerLanguage('de_CH', { bye: 'Uf Wiederluege' });
    expect(toLanguage('de-CH')).to.equal('de-ch');
    expect(toLanguage('de-AT')).to.equal('de');
    expect(translate(bundle, 'de-ch', 'bye')).to.equal('Uf Wiederluege');
    expect(translate(bundle, 'de-ch', 'hello', { name: 'Urs' })).to.equal('Hallo Urs');
    expect(translate(bundle, 'de-ch', 'unknown.key' as 'bye')).to.equal('unknown.key');
  });

  it('refuses something that is not a language tag', () => {
    expect(() => registerLanguage('not a language', {})).to.throw(TypeError, /not a language tag/);
    // Through configure (also the queue the script-tag loader fills) it logs instead of throwing.
    const original = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      overrideStrings({ 'not a language': { hello: 'x' }, es: { hello: 'Hola {name}' } });
    } finally {
      console.error = original;
    }
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain('"not a language"');
    expect(translate(bundle, 'es', 'hello', { name: 'Ana' })).to.equal('Hola Ana');
  });

  it('ships every English string in Dutch, German and French, with the same placeholders', async () => {
    for (const [name, strings] of Object.entries(BUNDLES)) {
      const english = Object.keys(strings.en).sort();
      expect(english.length, name).to.be.greaterThan(0);
      for (const language of ['nl', 'de', 'fr'] as const) {
        // German and French of what the core shows load on first use: the whole table, loaded.
        const table = await shippedStrings(strings, language);
        expect(Object.keys(table).sort(), `${name}: keys of ${language}`).to.deep.equal(english);
        for (const key of english) {
          const text = table[key];
          expect(text.trim(), `${name}: ${language} ${key} is empty`).to.not.equal('');
          expect(placeholders(text), `${name}: placeholders of ${language} ${key}`).to.deep.equal(
            placeholders(strings.en[key]),
          );
        }
      }
    }
  });

  it('is part of the public API', () => {
    expect(api.registerLanguage).to.equal(registerLanguage);
    expect(api.availableLanguages).to.equal(availableLanguages);
    expect([...api.LANGUAGES]).to.deep.equal(['en', 'nl', 'de', 'fr']);
  });
});

describe('counts read as natural language', () => {
  it('says one kudos without "1 kudos" or "1 recente kudo"', () => {
    const one = [
      translatePlural(profileCardStrings, 'en', 'card.kudos', 1),
      translatePlural(profileCardStrings, 'nl', 'card.kudos', 1),
      translatePlural(expertiseStrings, 'en', 'why.kudos', 1),
      translatePlural(expertiseStrings, 'nl', 'why.kudos', 1),
    ];
    expect(one).to.deep.equal([
      'Kudos received: 1',
      '1 keer kudos ontvangen',
      'recent kudos: 1',
      'onlangs 1 keer kudos gekregen',
    ]);
    expect(translatePlural(profileCardStrings, 'en', 'card.kudos', 3)).to.equal('3 kudos received');
    expect(translatePlural(expertiseStrings, 'nl', 'why.kudos', 3)).to.equal('onlangs 3 keer kudos gekregen');
  });
});

describe('elements in any language', () => {
  const cardText = (community: Element) => {
    const card = community.querySelector('kring-profile-card')!;
    // Only ASCII white space: French puts no-break spaces inside « » and before : ; ? !
    return card.shadowRoot!.textContent!.replace(/[ \t\n]+/g, ' ').trim();
  };

  async function renderMissingCard(lang: string) {
    const { name } = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang=${lang}>
        <kring-profile-card person="nobody@nowhere.invalid"></kring-profile-card>
      </kring-community>`,
    );
    await waitUntil(() => cardText(community).includes('nobody@nowhere.invalid'), 'not found shown');
    return community;
  }

  it('speaks German and French, also for a regional tag', async () => {
    const german = await renderMissingCard('de-AT');
    // German and French load on first use; the card shows nothing until they are here, never English.
    expect(cardText(german)).to.contain('Profil nicht gefunden');
    expect(cardText(german)).to.contain('Niemand mit „nobody@nowhere.invalid“ steht im Verzeichnis.');
    await expect(german).to.be.accessible();
    const french = await renderMissingCard('fr');
    expect(cardText(french)).to.contain('Profil introuvable');
    expect(cardText(french)).to.contain('Personne ne correspond à «\u00a0nobody@nowhere.invalid\u00a0»');
  });

  it('renders again when a language is registered after the element rendered', async () => {
    const community = await renderMissingCard('sv');
    expect(cardText(community)).to.contain('Profile not found');
    registerLanguage('sv', { 'card.notFound': 'Profilen hittades inte' });
    await waitUntil(() => cardText(community).includes('Profilen hittades inte'), 'Swedish shown');
    // A string Swedish leaves out stays English.
    expect(cardText(community)).to.contain('Nobody with “nobody@nowhere.invalid” is in the directory.');
  });
});

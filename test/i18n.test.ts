import { expect } from '@open-wc/testing';
import {
  resolveLanguage,
  toLanguage,
  translate,
  translatePlural,
  overrideStrings,
} from '../src/i18n/index.js';

const bundle = {
  en: { hello: 'Hello {name}', 'items.one': '{count} item', 'items.other': '{count} items' },
  nl: { hello: 'Hallo {name}', 'items.one': '{count} item', 'items.other': '{count} items' },
};

describe('i18n', () => {
  it('maps language tags to supported languages', () => {
    expect(toLanguage('nl-BE')).to.equal('nl');
    expect(toLanguage('EN_gb')).to.equal('en');
    expect(toLanguage('fr')).to.equal(undefined);
  });

  it('resolves from the nearest lang ancestor, then config, then document', () => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', 'nl');
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    expect(resolveLanguage(inner)).to.equal('nl');
    outer.removeAttribute('lang');
    expect(resolveLanguage(inner, 'nl')).to.equal('nl');
    document.documentElement.lang = 'en';
    expect(resolveLanguage(inner)).to.equal('en');
    outer.remove();
  });

  it('translates with parameters, plurals and overrides', () => {
    expect(translate(bundle, 'nl', 'hello', { name: 'Jan' })).to.equal('Hallo Jan');
    expect(translatePlural(bundle, 'en', 'items', 1)).to.equal('1 item');
    expect(translatePlural(bundle, 'nl', 'items', 1200)).to.equal('1.200 items');
    overrideStrings({ nl: { hello: 'Dag {name}' } });
    expect(translate(bundle, 'nl', 'hello', { name: 'Jan' })).to.equal('Dag Jan');
    overrideStrings({ nl: { hello: 'Hallo {name}' } });
  });
});

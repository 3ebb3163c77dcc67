import { expect } from '@open-wc/testing';
import { defineElement } from '../src/define.js';

describe('defineElement', () => {
  it('defines once; a second copy warns with both versions and does not throw', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('kring-double-test', First, '1.0.0');
      expect(() => defineElement('kring-double-test', Second, '2.0.0')).not.to.throw();
      expect(customElements.get('kring-double-test')).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('1.0.0');
      expect(warnings[0]).to.contain('2.0.0');
      expect(warnings[0]).to.contain('kring-double-test');
    } finally {
      console.warn = original;
    }
  });
});

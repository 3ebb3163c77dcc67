import { defineElement } from '../../define.js';
import { KringSkillList } from './skill-list.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringSkillList };

defineElement('kring-skill-list', KringSkillList);

declare global {
  interface HTMLElementTagNameMap {
    'kring-skill-list': KringSkillList;
  }
}

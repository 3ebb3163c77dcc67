import { defineElement } from '../../define.js';
import { KringSkillList } from './skill-list.js';

defineElement('kring-skill-list', KringSkillList);

declare global {
  interface HTMLElementTagNameMap {
    'kring-skill-list': KringSkillList;
  }
}

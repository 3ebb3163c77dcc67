/** `.visually-hidden`, from the token sheet (which every element's styles include already). */
export { visuallyHidden as visuallyHiddenStyles } from '../../styles/tokens.js';

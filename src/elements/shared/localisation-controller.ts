import type { PropertyValues, ReactiveControllerHost } from 'lit';
import { resolveLanguage, stringsToCome, type Language } from '../../i18n/index.js';
import { StringsController } from './strings-controller.js';
import { contentMarks, LanguageMarksController, type ContentMarks } from './language-marks.js';

type Host = ReactiveControllerHost & HTMLElement;

interface LanguageSources {
  /** `<kring-community lang>`, used when no ancestor has `lang`. */
  configured: () => string | undefined;
  /** The language of directory and community texts (`content-lang`, or the backend's). */
  content: () => string | undefined;
}

/**
 * The language the host renders in (a shipped one or one the integrator registered), resolved once per
 * update; renders again when strings are registered later; marks the shadow content with `lang`/`dir`
 * when it differs from the page's (3.1.2).
 */
export class LocalisationController {
  /**
   * Resolved at the start of each update (`mayUpdate`, from the host's `shouldUpdate`) and kept until
   * the next: rendering (`t()`), the controllers' updated hooks and event handlers ask for the language
   * many times, and each look-up walks up the tree. What the element says between updates is in the language it last rendered in.
   */
  #thisUpdate?: Language;
  /** While the strings of the host's language load: the changes of the updates held back meanwhile. */
  #held?: PropertyValues;
  /** Settles when the strings the host waits for are here (then it has asked for an update). */
  waiting?: Promise<void>;

  readonly #host: Host;
  readonly #sources: LanguageSources;

  constructor(host: Host, sources: LanguageSources) {
    this.#host = host;
    this.#sources = sources;
    new StringsController(host);
    new LanguageMarksController(host, () => this.language);
  }

  /**
   * For the host's `shouldUpdate`: false while the strings of its language load (Dutch, German, French
   * in the script-tag core), so it shows nothing rather than English first; the loader preloads the
   * page's language beside the core. The held changes are handed to the update that follows.
   */
  mayUpdate(changed: PropertyValues): boolean {
    this.#thisUpdate = resolveLanguage(this.#host, this.#sources.configured());
    const toCome = stringsToCome(this.#thisUpdate);
    if (toCome) {
      // The oldest value of each property wins: the update that renders sees every change since the last.
      this.#held = new Map([...changed, ...(this.#held ?? [])]);
      this.waiting = toCome.then(() => this.#host.requestUpdate());
      return false;
    }
    for (const [key, value] of this.#held ?? []) changed.set(key, value);
    this.#held = this.waiting = undefined;
    return true;
  }

  get language(): Language {
    return this.#thisUpdate ?? resolveLanguage(this.#host, this.#sources.configured());
  }

  /** `lang`/`dir` for directory and community text (job titles, departments, badge criteria). */
  get contentMarks(): ContentMarks {
    return contentMarks(this.#sources.content(), this.language);
  }
}

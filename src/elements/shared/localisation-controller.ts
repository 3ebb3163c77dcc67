import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLanguage, type Language } from '../../i18n/index.js';
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
export class LocalisationController implements ReactiveController {
  /**
   * Resolved at the start of each update and kept until the next: rendering (`t()`), the controllers'
   * updated hooks and event handlers ask for the language many times, and each look-up walks up the
   * tree. What the element says between updates is in the language it last rendered in.
   */
  private thisUpdate?: Language;

  constructor(
    private readonly host: Host,
    private readonly sources: LanguageSources,
  ) {
    host.addController(this);
    new StringsController(host);
    new LanguageMarksController(host, () => this.language);
  }

  hostUpdate(): void {
    this.thisUpdate = resolveLanguage(this.host, this.sources.configured());
  }

  get language(): Language {
    return this.thisUpdate ?? resolveLanguage(this.host, this.sources.configured());
  }

  /** `lang`/`dir` for directory and community text (job titles, departments, badge criteria). */
  get contentMarks(): ContentMarks {
    return contentMarks(this.sources.content(), this.language);
  }
}

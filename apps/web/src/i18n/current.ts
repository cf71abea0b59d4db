/** The language the pages are shown in now; LanguageProvider sets it, and the app is drawn again when it changes. */
export type Language = 'nb' | 'nn';
const KEY = 'trygg-sprak';

const stored = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

let current: Language = stored() === 'nn' ? 'nn' : 'nb';

/** Whether this browser's user chose a language; until they do, the owner's default applies. */
export function hasChosenLanguage(): boolean {
  return stored() === 'nb' || stored() === 'nn';
}

export function currentLanguage(): Language {
  return current;
}

/** The owner's default, for someone who has not chosen: shown, not remembered as their choice. */
export function adoptLanguage(lang: Language): void {
  current = lang;
}

export function chooseLanguage(lang: Language): void {
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage refused: the choice holds until the page is reloaded.
  }
}

/**
 * A table of words per language, read like one table (`STATE_LABEL.closed`, `Object.entries(…)`):
 * the entries are those of the current language.
 */
export function inLanguage<T extends object>(tables: Record<Language, T>): T {
  return new Proxy({} as T, {
    get: (_t, key) => (tables[current] as Record<string | symbol, unknown>)[key],
    has: (_t, key) => key in tables[current],
    ownKeys: () => Reflect.ownKeys(tables[current]),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(tables[current], key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

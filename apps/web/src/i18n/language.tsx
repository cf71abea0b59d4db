import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import { REGIME, regimeOf, type RegimeWords } from '../app/words';
import { adoptLanguage, chooseLanguage, currentLanguage, hasChosenLanguage, type Language } from './current';
import type { MessageKey } from './nb';
import { translate } from './translate';

export type { Language };

interface LanguageState {
  lang: Language;
  setLang(lang: Language): void;
  /** The owner's default language, taken only when this user has not chosen one. */
  adoptDefault(lang: Language): void;
  /** A message in the chosen language, with `{name}` filled in. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** The words of a school or a kindergarten in the chosen language. */
  regime(kind: string | undefined): RegimeWords;
}

const LanguageContext = createContext<LanguageState>({
  lang: 'nb',
  setLang: () => undefined,
  adoptDefault: () => undefined,
  t: (key, vars) => translate(currentLanguage(), key, vars),
  regime: (kind) => REGIME[regimeOf(kind)],
});

/**
 * Bokmål or nynorsk, remembered in this browser once chosen (before that, the owner's default);
 * `lang` on <html> follows it. A change draws the app again from the top (the label tables in app/words.ts read the language when they are read);
 * what is typed survives in the drafts, and what was fetched in the query cache.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, set] = useState<Language>(currentLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (next: Language) => {
    chooseLanguage(next);
    set(next);
  };
  const adoptDefault = (next: Language) => {
    if (hasChosenLanguage() || next === lang) return;
    adoptLanguage(next);
    set(next);
  };
  const value: LanguageState = {
    lang,
    setLang,
    adoptDefault,
    t: (key, vars) => translate(lang, key, vars),
    regime: (kind) => REGIME[regimeOf(kind)],
  };
  return (
    <LanguageContext.Provider value={value}>
      <Fragment key={lang}>{children}</Fragment>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { REGIME, regimeOf, type Regime, type RegimeWords } from '../app/words';
import { nb, type MessageKey } from './nb';
import { nn } from './nn';

export type Language = 'nb' | 'nn';
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { nb, nn };
const KEY = 'trygg-sprak';

/** The regime's words in nynorsk (rektor/styrar, elev/barn, the sections of the laws as nynorsk names them). */
const REGIME_NN: Record<Regime, RegimeWords> = {
  school: { ...REGIME.school, children: 'elevar', unit: 'skule', whichChildren: 'Kva elevar gjeld det?' },
  kindergarten: {
    ...REGIME.kindergarten,
    leader: 'styrar',
    Leader: 'Styrar',
    law: 'barnehagelova § 42',
    staffLaw: 'barnehagelova § 43',
    whichChildren: 'Kva barn gjeld det?',
  },
};

interface LanguageState {
  lang: Language;
  setLang(lang: Language): void;
  /** A message in the chosen language, with `{name}` filled in. */
  t(key: MessageKey, vars?: Record<string, string>): string;
  /** The words of a school or a kindergarten in the chosen language. */
  regime(kind: string | undefined): RegimeWords;
}

export function translate(lang: Language, key: MessageKey, vars: Record<string, string> = {}): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

const LanguageContext = createContext<LanguageState>({
  lang: 'nb',
  setLang: () => undefined,
  t: (key, vars) => translate('nb', key, vars),
  regime: (kind) => REGIME[regimeOf(kind)],
});

/** Bokmål or nynorsk, remembered in this browser; `lang` on <html> follows the choice. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, set] = useState<Language>(() => (localStorage.getItem(KEY) === 'nn' ? 'nn' : 'nb'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (next: Language) => {
    localStorage.setItem(KEY, next);
    set(next);
  };
  const value: LanguageState = {
    lang,
    setLang,
    t: (key, vars) => translate(lang, key, vars),
    regime: (kind) => (lang === 'nn' ? REGIME_NN : REGIME)[regimeOf(kind)],
  };
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

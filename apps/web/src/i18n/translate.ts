import { currentLanguage, type Language } from './current';
import { nb, type MessageKey } from './nb';
import { nn } from './nn';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { nb, nn };

/** A message in the given language, with `{name}` filled in. */
export function translate(lang: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => (vars[name] === undefined ? `{${name}}` : String(vars[name])));
}

/** A message in the language chosen now, for code outside a component (tables, helpers). */
export function tr(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(currentLanguage(), key, vars);
}

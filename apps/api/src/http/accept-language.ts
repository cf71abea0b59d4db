import type { Language } from '../../../../libs/cases/src/ports';

/** Bokmål unless the reader asks for nynorsk first (an Accept-Language header such as `nn, nb;q=0.9`). */
export function languageOf(acceptLanguage: string | undefined): Language {
  return /^\s*(nn|no-nyn)\b/i.test(acceptLanguage ?? '') ? 'nn' : 'nb';
}

/** The OpenAPI description of the header, for the endpoints whose labels follow it. */
export const LANGUAGE_HEADER = { name: 'accept-language', required: false, description: 'nn first for nynorsk labels; bokmål otherwise' };

import { defineMessages } from '../define-messages';

/** Words every page shares: errors, the API's field rules, people nobody can name. */
export const COMMON_MESSAGES = defineMessages({
  'common.loadingApp': ['Laster Trygg', 'Lastar Trygg'],
  'common.noContact': ['Ingen kontakt med Trygg', 'Ingen kontakt med Trygg'],
  'common.noContactDetail': [
    'Sjekk nettverket og prøv igjen. Det du har skrevet, er ikke borte.',
    'Sjekk nettverket og prøv att. Det du har skrive, er ikkje borte.',
  ],
  'common.saved': ['{what} er lagret.', '{what} er lagra.'],
  'common.fixBeforeSending': ['Rett opp dette før du sender', 'Rett opp dette før du sender'],
  'common.rule.required': ['må fylles ut', 'må fyllast ut'],
  'common.rule.oneOf': ['velg et av alternativene', 'vel eitt av alternativa'],
  'common.rule.date': ['skriv en gyldig dato', 'skriv ein gyldig dato'],
  'common.rule.fromList': ['velg fra listen', 'vel frå lista'],
  'common.unknownChild': ['ukjent', 'ukjend'],
  'common.someoneElse': ['en annen i kommunen', 'ein annan i kommunen'],
  'common.nobody': ['ingen', 'ingen'],
});

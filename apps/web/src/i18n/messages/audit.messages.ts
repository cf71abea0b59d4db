import { defineMessages } from '../define-messages';

/** Kontroll og saksmappe on the case page: the chain check, the case file, the access log. */
export const AUDIT_MESSAGES = defineMessages({
  'audit.title': ['Kontroll og saksmappe', 'Kontroll og saksmappe'],
  'audit.verifying': ['Kontrollerer historikken', 'Kontrollerer historikken'],
  'audit.intact': ['Historikken er uendret', 'Historikken er uendra'],
  'audit.chain': ['Alle {count} hendelser henger sammen i kjeden', 'Alle {count} hendingane heng saman i kjeda'],
  'audit.erased': [
    '; innholdet i {count} er anonymisert etter bevaringsreglene',
    '; innhaldet i {count} er anonymisert etter reglane for bevaring',
  ],
  'audit.broken': ['Historikken er endret', 'Historikken er endra'],
  'audit.firstBroken': [
    'Første hendelse som ikke stemmer, er nr. {seq}: {problem}',
    'Første hending som ikkje stemmer, er nr. {seq}: {problem}',
  ],
  'audit.notChecked': ['Historikken kunne ikke kontrolleres nå.', 'Historikken kunne ikkje kontrollerast no.'],
  'audit.caseFile': ['Saksmappen:', 'Saksmappa:'],
  'audit.pdf': ['last ned som PDF', 'last ned som PDF'],
  'audit.json': ['last ned som JSON', 'last ned som JSON'],
  'audit.jsonWhy': [
    '(JSON-filen har hele kjeden, så arkivet kan kontrollere historikken uten Trygg).',
    '(JSON-fila har heile kjeda, så arkivet kan kontrollere historikken utan Trygg).',
  ],
  'audit.log': ['Tilgangslogg', 'Tilgangslogg'],
  'audit.logLoading': ['Henter tilgangsloggen', 'Hentar tilgangsloggen'],
  'audit.logFailed': ['Tilgangsloggen kunne ikke hentes.', 'Tilgangsloggen kunne ikkje hentast.'],
  'audit.logCaption': ['Tilgangslogg: hvem har lest saken, og hvorfor', 'Tilgangslogg: kven har lese saka, og kvifor'],
  'audit.when': ['Når', 'Når'],
  'audit.who': ['Hvem', 'Kven'],
  'audit.what': ['Hva', 'Kva'],
  'audit.purpose': ['Formål', 'Føremål'],
  'audit.kind.detail': ['Åpnet saken', 'Opna saka'],
  'audit.kind.history': ['Leste historikken', 'Las historikken'],
  'audit.kind.bti_log': ['Leste stafettloggen', 'Las stafettloggen'],
  'audit.kind.export': ['Hentet saksmappen', 'Henta saksmappa'],
  'audit.kind.verify': ['Kontrollerte historikken', 'Kontrollerte historikken'],
  'audit.kind.access_log': ['Leste tilgangsloggen', 'Las tilgangsloggen'],
  'audit.kind.supervision': ['Tilsynsrapport', 'Tilsynsrapport'],
  'audit.kind.list': ['Saken i en liste', 'Saka i ei liste'],
  'audit.kind.write_refused': ['Forsøkte å endre (avvist)', 'Freista å endre (avvist)'],
});

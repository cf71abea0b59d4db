import { defineMessages } from '../define-messages';

/** Omni-trappa on the case page and a group's own page. */
export const OMNI_MESSAGES = defineMessages({
  'omni.title': ['Omni-trappa', 'Omni-trappa'],
  'omni.chartTitle': [
    'Omni-trappa for {group}: trinn over tid (1 er trygt og inkluderende, 5 er det mest alvorlige)',
    'Omni-trappa for {group}: trinn over tid (1 er trygt og inkluderande, 5 er det mest alvorlege)',
  ],
  'omni.current': ['{group}: trinn {step}, {label}', '{group}: trinn {step}, {label}'],
  'omni.notAssessed': ['{group}: ikke vurdert ennå', '{group}: ikkje vurdert enno'],
  'omni.series': ['Trinn', 'Trinn'],
  'omni.unit': ['trinn', 'trinn'],
  'omni.table': ['Vurderinger av {group}, nyeste først', 'Vurderingar av {group}, nyaste først'],
  'omni.assessedAt': ['Vurdert', 'Vurdert'],
  'omni.step': ['Trinn', 'Trinn'],
  'omni.basis': ['Hva vurderingen bygger på', 'Kva vurderinga byggjer på'],
  'omni.inCase': ['I en sak', 'I ei sak'],
  'omni.yes': ['Ja', 'Ja'],
  'omni.no': ['Nei', 'Nei'],
  'omni.groupLink': ['Gruppen {group}: vurder trinnet utenfor en sak', 'Gruppa {group}: vurder trinnet utanfor ei sak'],
  'omni.advice': ['Råd fra kommunen (kommunens veiledning, ikke lov)', 'Råd frå kommunen (rettleiinga til kommunen, ikkje lov)'],
  'omni.adviceBasis': ['fordi gruppen står på trinn {step} eller høyere', 'fordi gruppa står på trinn {step} eller høgare'],
  'omni.suggest.MARK_SERIOUS': ['Vurder å melde saken som alvorlig til kommunen', 'Vurder å melde saka som alvorleg til kommunen'],
  'omni.suggest.BTI_LEVEL_2_OR_HIGHER': [
    'Vurder BTI nivå 2 eller høyere, med stafettholder',
    'Vurder BTI nivå 2 eller høgare, med stafetthaldar',
  ],
  'omni.suggest.INVOLVE_PPT': ['Vurder å involvere PPT', 'Vurder å involvere PPT'],
  'omni.suggest.ADD_STOPPE_OR_STOTTE_MEASURE': [
    'Vurder tiltak som stopper krenkelsene eller støtter barnet',
    'Vurder tiltak som stoppar krenkingane eller støttar barnet',
  ],
  'omni.loading': ['Henter Omni-trappa', 'Hentar Omni-trappa'],
  'group.title': ['Gruppen {group}', 'Gruppa {group}'],
  'group.loading': ['Henter gruppen', 'Hentar gruppa'],
  'group.intro': [
    'Omni-trappa beskriver gruppen, aldri ett barn. Vurder trinnet jevnlig, for eksempel to ganger i året.',
    'Omni-trappa skildrar gruppa, aldri eitt barn. Vurder trinnet jamleg, til dømes to gonger i året.',
  ],
  'group.new': ['Ny vurdering', 'Ny vurdering'],
  'group.which': ['Hvilket trinn står gruppen på nå?', 'Kva trinn står gruppa på no?'],
  'group.basis': ['Hva bygger vurderingen på?', 'Kva byggjer vurderinga på?'],
  'group.saved': ['Vurderingen er lagret.', 'Vurderinga er lagra.'],
  'group.save': ['Lagre vurderingen', 'Lagre vurderinga'],
  'common.failed': ['Noe gikk galt.', 'Noko gjekk gale.'],
});

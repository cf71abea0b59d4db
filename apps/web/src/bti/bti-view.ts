import { tr } from '../i18n/translate';

/** The level in words ('Avsluttet i BTI' once closed). */
export function btiLevelLabel(bti: { state: string; level: number }): string {
  if (bti.state === 'closed') return tr('bti.closed');
  return bti.level >= 0 && bti.level <= 3 ? tr(`bti.level.${bti.level as 0 | 1 | 2 | 3}`) : tr('cmd.level', { n: bti.level });
}

import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language';

/**
 * Skjul skjerm: a child may walk up to the screen. One click covers everything with
 * a neutral page; nothing is lost underneath, and one more click brings it back.
 */
export function HideScreen() {
  const { t } = useLanguage();
  const [hidden, setHidden] = useState(false);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (hidden) back.current?.focus();
    document.title = hidden ? 'Skjult' : 'Trygg';
  }, [hidden]);
  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => setHidden(true)}>
        {t('hide.button')}
      </Button>
      {hidden && (
        <div className="hide-screen" role="dialog" aria-modal="true" aria-labelledby="skjult-tittel">
          <Heading level={2} data-size="md" id="skjult-tittel">
            {t('hide.title')}
          </Heading>
          <Paragraph>{t('hide.text')}</Paragraph>
          <Button ref={back} onClick={() => setHidden(false)}>
            {t('hide.back')}
          </Button>
        </div>
      )}
    </>
  );
}

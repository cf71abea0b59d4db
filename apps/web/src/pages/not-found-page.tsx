import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useLanguage } from '../i18n/language';

/** Not found, or not yours: the two are never told apart (the API answers 404 for both). */
export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'case' | 'group' }) {
  const { t } = useLanguage();
  return (
    <section className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t(`notFound.${what}`)}
      </Heading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('notFound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}

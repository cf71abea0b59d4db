import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';

/** Not found, or not yours: the two are never told apart (the API answers 404 for both). */
export function NotFoundPage({ what = 'siden' }: { what?: string }) {
  return (
    <section className="page page--narrow">
      <Heading level={1} data-size="lg">
        Fant ikke {what}
      </Heading>
      <Paragraph>Den finnes ikke, eller du har ikke tilgang til den. Sjekk adressen, eller spør den som sendte deg lenken.</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">Gå til forsiden</RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}

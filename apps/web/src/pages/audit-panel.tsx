import { Alert, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem, unwrap, type CaseView } from '../api/client';
import { TableScroll } from '../components/table-scroll';
import { ROLE_LABEL } from '../app/words';
import { formatDateTime } from '../format/time';
import { usePurposeQuery } from '../session/purpose';
import { useMe } from '../session/session';

const ACCESS_KIND: Record<string, string> = {
  detail: 'Åpnet saken',
  history: 'Leste historikken',
  bti_log: 'Leste stafettloggen',
  export: 'Hentet saksmappen',
  verify: 'Kontrollerte historikken',
  access_log: 'Leste tilgangsloggen',
  supervision: 'Tilsynsrapport',
  list: 'Saken i en liste',
  write_refused: 'Forsøkte å endre (avvist)',
};

/**
 * Kontroll og saksmappe: whether the history is unchanged (the hash chain, `/verify`), who has read
 * the case and why (`/access-log`), and the case file as PDF and JSON. For the principal, the owner
 * and auditors; the API refuses others, and then this shows nothing.
 */
export function AuditPanel({ c, personName }: { c: CaseView; personName: (id: string | null) => string }) {
  const purpose = usePurposeQuery();
  const me = useMe();
  const verify = useQuery({
    queryKey: ['verify', c.id, c.version, purpose],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/verify', { params: { path: { caseId: c.id }, query: purpose } })),
  });
  const log = useQuery({
    queryKey: ['access-log', c.id, purpose],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/access-log', { params: { path: { caseId: c.id }, query: purpose } })),
  });
  if (verify.error instanceof ApiProblem && verify.error.status === 403) return null;
  const exportUrl = (format: 'pdf' | 'json') =>
    `/api/cases/${c.id}/export?${new URLSearchParams({ format, ...(purpose.purpose ? { purpose: purpose.purpose } : {}) })}`;
  return (
    <section aria-labelledby="kontroll">
      <Heading level={2} data-size="md" id="kontroll">
        Kontroll og saksmappe
      </Heading>
      {verify.isPending ? (
        <Spinner aria-label="Kontrollerer historikken" />
      ) : verify.data?.valid ? (
        <Paragraph>
          <Tag data-color="success" data-verified="ja">
            Historikken er uendret
          </Tag>{' '}
          Alle {verify.data.events} hendelser henger sammen i kjeden
          {verify.data.erasedContents > 0 ? `; innholdet i ${verify.data.erasedContents} er anonymisert etter bevaringsreglene` : ''}.
        </Paragraph>
      ) : verify.data ? (
        <Alert data-color="danger" data-verified="nei">
          <Heading level={3} data-size="xs">
            Historikken er endret
          </Heading>
          <Paragraph>
            Første hendelse som ikke stemmer, er nr. {verify.data.firstBrokenSeq}: {verify.data.problem}
          </Paragraph>
        </Alert>
      ) : (
        <Alert data-color="warning">Historikken kunne ikke kontrolleres nå.</Alert>
      )}
      <Paragraph>
        Saksmappen:{' '}
        <Link href={exportUrl('pdf')} download>
          last ned som PDF
        </Link>{' '}
        ·{' '}
        <Link href={exportUrl('json')} download>
          last ned som JSON
        </Link>{' '}
        (JSON-filen har hele kjeden, så arkivet kan kontrollere historikken uten Trygg).
      </Paragraph>
      <Heading level={3} data-size="sm" id="tilgangslogg">
        Tilgangslogg
      </Heading>
      {log.isPending ? (
        <Spinner aria-label="Henter tilgangsloggen" />
      ) : log.isError ? (
        <Paragraph>Tilgangsloggen kunne ikke hentes.</Paragraph>
      ) : (
        <TableScroll label="Tilgangslogg: hvem har lest saken, og hvorfor">
          <Table data-table="tilgangslogg">
            <caption className="visually-hidden">Tilgangslogg: hvem har lest saken, og hvorfor</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Når</Table.HeaderCell>
                <Table.HeaderCell>Hvem</Table.HeaderCell>
                <Table.HeaderCell>Hva</Table.HeaderCell>
                <Table.HeaderCell>Formål</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...log.data.entries].reverse().map((e, i) => (
                <Table.Row key={`${e.at}-${i}`}>
                  <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                  <Table.Cell>
                    {e.userId === me.id ? me.displayName : personName(e.userId)} ({ROLE_LABEL[e.role] ?? e.role})
                  </Table.Cell>
                  <Table.Cell>{ACCESS_KIND[e.kind] ?? e.kind}</Table.Cell>
                  <Table.Cell>{e.purpose ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

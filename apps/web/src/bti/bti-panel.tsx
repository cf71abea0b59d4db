import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { CaseView, EventView } from '../api/client';
import { SERVICE_LABEL } from '../commands/command-forms';
import { TableScroll } from '../components/table-scroll';
import { formatDateTime } from '../format/time';
import { BTI_LEVEL_LABEL, btiOf, pptOf } from './bti-view';

const CONSENT_STATUS: Record<string, string> = { given: 'Gitt', withdrawn: 'Trukket', refused: 'Nektet' };
const SOON_MS = 14 * 86_400_000;

/**
 * BTI og PPT on the case page: the level in words, who holds the stafett (and who is taking over:
 * the previous one stays responsible until the new one accepts), consent per service, PPT's part
 * and its advice. The commands themselves are the case's allowedCommands, under "Hva du kan gjøre nå".
 */
export function BtiPanel({
  c,
  history,
  personName,
  now,
}: {
  c: CaseView;
  history: EventView[];
  personName: (id: string | null) => string;
  now: number;
}) {
  const bti = btiOf(c);
  const ppt = pptOf(c);
  if (!bti) return null;
  const advice = history.filter((e) => e.type === 'PPT_ADVICE');
  return (
    <section aria-labelledby="bti">
      <Heading level={2} data-size="md" id="bti">
        BTI og PPT
      </Heading>
      <Paragraph>
        <strong>{bti.state === 'closed' ? 'Avsluttet i BTI' : (BTI_LEVEL_LABEL[bti.level] ?? `Nivå ${bti.level}`)}</strong>
        {bti.services.length > 0 && ` · Tjenester: ${bti.services.map((s) => SERVICE_LABEL[s] ?? s).join(', ')}`}
      </Paragraph>
      <Paragraph>
        Stafettholder: {bti.coordinator ? personName(bti.coordinator) : 'ingen ennå'}
        {bti.pendingCoordinator && (
          <>
            {' '}
            · <Tag data-color="warning">Overtar</Tag> {personName(bti.pendingCoordinator)} er utpekt og har ikke godtatt ennå;{' '}
            {bti.coordinator ? `${personName(bti.coordinator)} har ansvaret til da.` : 'den som leder saken, har ansvaret til da.'}
          </>
        )}
      </Paragraph>
      {bti.consents.length > 0 && (
        <TableScroll label="Samtykker">
          <Table data-table="samtykker">
            <caption>Samtykker</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Tjeneste</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Gitt</Table.HeaderCell>
                <Table.HeaderCell>Utløper</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {bti.consents.map((x) => {
                const expires = x.expiresAt ? new Date(x.expiresAt).getTime() : null;
                return (
                  <Table.Row key={x.service}>
                    <Table.Cell>{SERVICE_LABEL[x.service] ?? x.service}</Table.Cell>
                    <Table.Cell>
                      {CONSENT_STATUS[x.status] ?? x.status}
                      {x.status === 'given' && !x.valid && ' (utløpt)'}
                      {x.form ? ` (${x.form === 'written' ? 'skriftlig' : 'muntlig'})` : ''}
                    </Table.Cell>
                    <Table.Cell>{x.givenAt ? formatDateTime(x.givenAt) : ''}</Table.Cell>
                    <Table.Cell>
                      {x.expiresAt ? formatDateTime(x.expiresAt) : 'Ingen dato'}{' '}
                      {x.valid && expires !== null && expires - now < SOON_MS && <Tag data-color="warning">Utløper snart</Tag>}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {ppt && (
        <>
          <Heading level={3} data-size="sm">
            PPT
          </Heading>
          <Paragraph>
            PPT er spurt {ppt.anonymous ? 'anonymt (PPT ser ingen navn, bare sammendraget)' : 'med navn (med samtykke)'}: «{ppt.question}»
          </Paragraph>
          {advice.length === 0 ? (
            <Paragraph>PPT har ikke gitt råd ennå.</Paragraph>
          ) : (
            advice.map((e) => (
              <Paragraph key={e.seq} className="prewrap">
                <strong>Råd fra PPT, {formatDateTime(e.at)}:</strong> {String(e.payload.text ?? '')}
              </Paragraph>
            ))
          )}
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/saker/${c.id}/stafettlogg`}>Stafettloggen</RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}

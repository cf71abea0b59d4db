import { Button, Field, Heading, Input, Label, Link, Paragraph, Select, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api, unwrap, type CaseView } from '../api/client';
import { TableScroll } from '../components/table-scroll';
import { ChoiceField } from '../components/choice-field';
import { useUnitDirectory } from '../app/directory';
import { STATE_LABEL } from '../app/words';
import { formatDateTime } from '../format/time';
import { usePurposeQuery } from '../session/purpose';
import { useMe } from '../session/session';

/**
 * Søk i saker: by unit, the period the case was reported in, its state and the child, for the owner
 * and auditors. The choices live in the address, so a reload or a shared link keeps them; every
 * list an auditor sees is logged with the purpose of the review.
 */
export function CaseSearchPage() {
  const me = useMe();
  const purpose = usePurposeQuery();
  const [params, setParams] = useSearchParams();
  const f = {
    unitId: params.get('enhet') ?? '',
    from: params.get('fra') ?? '',
    to: params.get('til') ?? '',
    state: params.get('tilstand') ?? '',
    childId: params.get('barn') ?? '',
  };
  const dir = useUnitDirectory(f.unitId ? [f.unitId] : me.units.map((u) => u.id));
  const unitName = (id: string) => me.units.find((u) => u.id === id)?.name ?? '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A child belongs to a unit: choosing another unit clears the child.
    if (key === 'enhet') next.delete('barn');
    setParams(next, { replace: true });
  };
  const cases = useInfiniteQuery({
    queryKey: ['case-search', f, purpose],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/cases', {
          params: {
            query: {
              limit: 50,
              cursor: pageParam,
              unitId: f.unitId || undefined,
              from: f.from || undefined,
              to: f.to || undefined,
              state: (f.state || undefined) as never,
              childId: f.childId || undefined,
              ...purpose,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows: CaseView[] = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page page--wide">
      <Heading level={1} data-size="lg">
        Søk i saker
      </Heading>
      <Paragraph>
        Finn saker etter enhet, når de ble meldt, hvor de står og hvem de gjelder. Saker du ikke har tilgang til, vises ikke.
      </Paragraph>
      <div className="filters" role="group" aria-label="Søk i saker">
        <Field>
          <Label>Enhet</Label>
          <Select value={f.unitId} onChange={(e) => set('enhet', e.target.value)}>
            <Select.Option value="">Alle enheter</Select.Option>
            {me.units.map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>Meldt fra og med</Label>
          <Input type="date" value={f.from} onChange={(e) => set('fra', e.target.value)} />
        </Field>
        <Field>
          <Label>Meldt til og med</Label>
          <Input type="date" value={f.to} onChange={(e) => set('til', e.target.value)} />
        </Field>
        <ChoiceField label="Tilstand" value={f.state} onChange={(v) => set('tilstand', v)} options={Object.entries(STATE_LABEL)} />
        <Field>
          <Label>Elev eller barn</Label>
          <Select value={f.childId} onChange={(e) => set('barn', e.target.value)}>
            <Select.Option value="">Alle</Select.Option>
            {dir.children.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.name}
                {f.unitId ? '' : ` (${unitName(c.unitId)})`}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {cases.isPending ? (
        <Spinner aria-label="Søker" />
      ) : cases.isError ? (
        <Paragraph>Søket kunne ikke gjøres. Sjekk datoene og prøv igjen.</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph>Ingen saker med disse valgene.</Paragraph>
      ) : (
        <TableScroll label="Saker som passer søket, nyeste først">
          <Table zebra data-table="treff">
            <caption className="visually-hidden">Saker som passer søket, nyeste først</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Gjelder</Table.HeaderCell>
                <Table.HeaderCell>Enhet</Table.HeaderCell>
                <Table.HeaderCell>Meldt</Table.HeaderCell>
                <Table.HeaderCell>Tilstand</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/saker/${c.id}`}>
                        {c.childIds.length ? c.childIds.map(dir.childName).join(', ') : 'Sak uten navn'}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{unitName(c.unitId)}</Table.Cell>
                  <Table.Cell>{formatDateTime(c.openedAt)}</Table.Cell>
                  <Table.Cell>
                    {STATE_LABEL[c.state] ?? c.state} {c.serious && <Tag data-color="danger">Alvorlig</Tag>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {cases.hasNextPage && (
        <Button variant="secondary" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          Vis flere saker
        </Button>
      )}
    </div>
  );
}

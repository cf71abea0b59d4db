import { Button, Field, Heading, Input, Label, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
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
import { useLanguage } from '../i18n/language';

/**
 * Søk i saker: by unit, the period the case was reported in, its state and the child, for the owner
 * and auditors. The choices live in the address, so a reload or a shared link keeps them; every
 * list an auditor sees is logged with the purpose of the review.
 */
export function CaseSearchPage() {
  const { t: tr } = useLanguage();
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
        {tr('search.title')}
      </Heading>
      <Paragraph>{tr('search.intro')}</Paragraph>
      <div className="filters" role="group" aria-label={tr('search.title')}>
        <ChoiceField
          label={tr('search.unit')}
          all={tr('search.allUnits')}
          value={f.unitId}
          onChange={(v) => set('enhet', v)}
          options={me.units.map((u) => [u.id, u.name])}
        />
        <Field>
          <Label>{tr('search.from')}</Label>
          <Input type="date" value={f.from} onChange={(e) => set('fra', e.target.value)} />
        </Field>
        <Field>
          <Label>{tr('search.to')}</Label>
          <Input type="date" value={f.to} onChange={(e) => set('til', e.target.value)} />
        </Field>
        <ChoiceField label={tr('start.state')} value={f.state} onChange={(v) => set('tilstand', v)} options={Object.entries(STATE_LABEL)} />
        <ChoiceField
          label={tr('start.child')}
          all={tr('start.allChoice')}
          value={f.childId}
          onChange={(v) => set('barn', v)}
          options={dir.children.map((c) => [c.id, f.unitId ? c.name : `${c.name} (${unitName(c.unitId)})`])}
        />
      </div>
      {cases.isPending ? (
        <Spinner aria-label={tr('search.searching')} />
      ) : cases.isError ? (
        <Paragraph>{tr('search.failed')}</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph>{tr('start.noCasesFiltered')}</Paragraph>
      ) : (
        <TableScroll label={tr('search.caption')}>
          <Table zebra data-table="treff">
            <caption className="visually-hidden">{tr('search.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{tr('start.about')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('search.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('search.reported')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('start.state')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/saker/${c.id}`}>
                        {c.childIds.length ? c.childIds.map(dir.childName).join(', ') : tr('start.unnamed')}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{unitName(c.unitId)}</Table.Cell>
                  <Table.Cell>{formatDateTime(c.openedAt)}</Table.Cell>
                  <Table.Cell>
                    {STATE_LABEL[c.state] ?? c.state} {c.serious && <Tag data-color="danger">{tr('search.serious')}</Tag>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {cases.hasNextPage && (
        <Button variant="secondary" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {tr('start.more')}
        </Button>
      )}
    </div>
  );
}

import {
  Alert,
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tabs,
  Textfield,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemSummary, norwegianMessage } from '../components/problem-summary';
import { TableScroll } from '../components/table-scroll';
import { formatDate, formatDateTime } from '../format/time';
import { useVersionedSave } from '../settings/versioned-save';
import { useMe } from '../session/session';

/** Kommunens innstillinger: every number and rule the owner sets, each with its version, who changed it and when. */
export function SettingsPage() {
  const me = useMe();
  const ownerId = me.ownerId;
  const mayChange = me.roles.some((r) => r.role === 'owner' && r.ownerId === ownerId);
  return (
    <div className="page page--wide">
      <Heading level={1} data-size="lg">
        Kommunens innstillinger
      </Heading>
      <Paragraph>
        Tallene og reglene her er kommunens egne (policy), ikke lovens. Endringer gjelder frister og saker som kommer etterpå.
        {!mayChange && ' Du kan lese innstillingene; bare kommunen (eier) kan endre dem.'}
      </Paragraph>
      <Tabs defaultValue="frister">
        <Tabs.List>
          <Tabs.Tab value="frister">Fristregler</Tabs.Tab>
          <Tabs.Tab value="skolerute">Skolerute</Tabs.Tab>
          <Tabs.Tab value="omni">Omni-veiledning</Tabs.Tab>
          <Tabs.Tab value="sletting">Sletting</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="frister">
          <DeadlinePolicy ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="skolerute">
          <SchoolHolidays ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="omni">
          <Guidance ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="sletting">
          <Retention ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

function VersionLine({ version, changedAt, isDefault }: { version: number; changedAt: string | null; isDefault?: boolean }) {
  return (
    <Paragraph data-size="sm" className="app-muted" data-version={version}>
      Versjon {version}
      {isDefault ? ' (Tryggs standard, ikke endret av kommunen)' : changedAt ? `, endret ${formatDateTime(changedAt)}` : ''}.
    </Paragraph>
  );
}

/** Someone else saved first: say so, keep what was typed, and offer their version. */
function Conflict({ on, reload, what }: { on: boolean; reload: () => void; what: string }) {
  if (!on) return null;
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={3} data-size="xs">
        Noen andre endret {what} før deg
      </Heading>
      <Paragraph>Det du skrev, står fortsatt i skjemaet. Last inn den nye versjonen, se over, og lagre igjen.</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={reload}>
        Last inn den nye versjonen
      </Button>
    </Alert>
  );
}

const POLICY_FIELDS: Array<[string, string, string?]> = [
  ['acknowledgeSchoolDays', 'Bekrefte mottatt melding innen (skoledager)'],
  ['acknowledgeStaffOffenceHours', 'Bekrefte melding om at en ansatt krenker innen (timer)', 'Loven sier «straks».'],
  ['investigationSchoolDays', 'Avslutte undersøkelsen innen (skoledager etter bekreftet)', 'Loven sier «snarast».'],
  ['planSchoolDays', 'Godkjent aktivitetsplan innen (skoledager etter undersøkelsen)'],
  ['approvalSchoolDays', 'Godkjenne eller sende tilbake en plan innen (skoledager)'],
  ['reminderSchoolDaysBefore', 'Påminnelse før fristen (skoledager)'],
  ['escalateToPrincipalSchoolDays', 'Sendes til rektor/styrer når fristen er passert med (skoledager)'],
  ['escalateToOwnerSchoolDays', 'Sendes til kommunen når fristen er passert med (skoledager)'],
  ['btiDecisionDays', 'Bestemme BTI-nivå innen (dager)'],
  ['consentExpiryReminderDays', 'Påminnelse før et samtykke utløper (dager)'],
  ['pptAdviceSchoolDays', 'PPT gir råd innen (skoledager)'],
];

function DeadlinePolicy({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const key = ['deadline-policy', ownerId];
  const policy = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/deadline-policy', { params: { path: { ownerId } } })),
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  // Only the fields this person changed: after someone else's save is loaded, their other numbers show and these stay.
  const [edits, setEdits] = useState<Record<string, string>>({});
  if (policy.isPending) return <Spinner aria-label="Henter fristreglene" />;
  if (policy.isError) return <Alert data-color="danger">Fristreglene kunne ikke hentes.</Alert>;
  const p = policy.data as unknown as Record<string, unknown> & {
    version: number;
    changedAt: string | null;
    isDefault: boolean;
    notice: string;
  };
  const values = {
    ...Object.fromEntries([...POLICY_FIELDS.map(([k]) => [k, String(p[k])]), ['schoolDayEndsAt', String(p.schoolDayEndsAt)]]),
    ...edits,
  };
  const ids = Object.fromEntries([...POLICY_FIELDS.map(([k]) => [k, `frist-${k}`]), ['schoolDayEndsAt', 'frist-schoolDayEndsAt']]);
  const labels = Object.fromEntries([...POLICY_FIELDS.map(([k, l]) => [k, l]), ['schoolDayEndsAt', 'Skoledagen slutter kl.']]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(POLICY_FIELDS.map(([k]) => [k, Number(values[k])]));
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/deadline-policy', {
            params: { path: { ownerId } },
            body: { ...body, schoolDayEndsAt: values.schoolDayEndsAt, expectedVersion: p.version } as never,
          }),
        ),
      'Fristreglene',
    ).then((ok) => ok && setEdits({}));
  };
  return (
    <section aria-labelledby="fristregler" className="settings-section">
      <Heading level={2} data-size="md" id="fristregler">
        Fristregler
      </Heading>
      <Paragraph>
        Kommunens egne tall, ikke lovens: loven sier «snarast» og «straks». En endring gjelder frister som opprettes etterpå; frister som
        løper, beholder sine.
      </Paragraph>
      <VersionLine version={p.version} changedAt={p.changedAt} isDefault={p.isDefault} />
      <Conflict on={conflict} reload={() => void reload()} what="fristreglene" />
      <form onSubmit={submit} noValidate className="form settings-grid">
        {POLICY_FIELDS.map(([k, label, hint]) => (
          <Textfield
            key={k}
            id={ids[k]}
            label={label}
            description={hint}
            type="number"
            min={0}
            readOnly={!mayChange}
            value={values[k]}
            error={problem?.fieldError(k) ? norwegianMessage(problem.fieldError(k) as string) : undefined}
            onChange={(e) => setEdits({ ...edits, [k]: e.target.value })}
          />
        ))}
        <Textfield
          id={ids.schoolDayEndsAt}
          label={labels.schoolDayEndsAt}
          description="«Innen dagens slutt» betyr dette klokkeslettet (TT:MM)."
          readOnly={!mayChange}
          value={values.schoolDayEndsAt}
          error={problem?.fieldError('schoolDayEndsAt')}
          onChange={(e) => setEdits({ ...edits, schoolDayEndsAt: e.target.value })}
        />
        <ProblemSummary problem={problem} fieldIds={ids} labels={labels} />
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            Lagre fristreglene
          </Button>
        )}
      </form>
    </section>
  );
}

function SchoolHolidays({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const me = useMe();
  const qc = useQueryClient();
  const key = ['school-holidays', ownerId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/school-holidays', { params: { path: { ownerId } } })),
  });
  const [form, setForm] = useState({ from: '', to: '', name: '', unitId: '' });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/owners/{ownerId}/school-holidays', {
          params: { path: { ownerId } },
          body: { holidays: [{ from: form.from, to: form.to, name: form.name, ...(form.unitId ? { unitId: form.unitId } : {}) }] },
        }),
      ),
    onSuccess: () => {
      setForm({ from: '', to: '', name: '', unitId: '' });
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (holidayId: string) =>
      unwrap(api.DELETE('/api/owners/{ownerId}/school-holidays/{holidayId}', { params: { path: { ownerId, holidayId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const unitName = (id: string | null | undefined) => (id ? (me.units.find((u) => u.id === id)?.name ?? 'en enhet') : 'Alle enheter');
  const err = (field: string) => {
    const e = add.error as { fieldError?: (f: string) => string | undefined } | null;
    const m = e?.fieldError?.(`holidays[0].${field}`);
    return m ? norwegianMessage(m) : undefined;
  };
  return (
    <section aria-labelledby="skolerute" className="settings-section">
      <Heading level={2} data-size="md" id="skolerute">
        Skolerute
      </Heading>
      <Paragraph>
        Ferier og fridager i skoleruten. Frister som telles i skoledager, hopper over dem (i tillegg til helger og helligdager).
      </Paragraph>
      {list.isPending ? (
        <Spinner aria-label="Henter skoleruten" />
      ) : (
        <TableScroll label="Ferier og fridager">
          <Table data-table="skolerute">
            <caption className="visually-hidden">Ferier og fridager</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Navn</Table.HeaderCell>
                <Table.HeaderCell>Fra og med</Table.HeaderCell>
                <Table.HeaderCell>Til og med</Table.HeaderCell>
                <Table.HeaderCell>Gjelder</Table.HeaderCell>
                {mayChange && <Table.HeaderCell>Slett</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(list.data ?? []).map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell>{h.name}</Table.Cell>
                  <Table.Cell>{formatDate(h.from)}</Table.Cell>
                  <Table.Cell>{formatDate(h.to)}</Table.Cell>
                  <Table.Cell>{unitName(h.unitId)}</Table.Cell>
                  {mayChange && (
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(h.id)} aria-label={`Slett ${h.name}`}>
                        Slett
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {mayChange && (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Heading level={3} data-size="sm">
            Legg til
          </Heading>
          <Textfield label="Navn" value={form.name} error={err('name')} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <div className="row">
            <Textfield
              label="Fra og med"
              type="date"
              value={form.from}
              error={err('from')}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            />
            <Textfield
              label="Til og med"
              type="date"
              value={form.to}
              error={err('to')}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
            />
          </div>
          <Field>
            <Label>Gjelder</Label>
            <Select value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
              <Select.Option value="">Alle enheter</Select.Option>
              {me.units.map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {add.isError && !err('from') && !err('to') && !err('name') && <Alert data-color="danger">{(add.error as Error).message}</Alert>}
          <Button type="submit" loading={add.isPending}>
            Legg til i skoleruten
          </Button>
        </form>
      )}
    </section>
  );
}

const SUGGESTIONS: Array<[string, string]> = [
  ['MARK_SERIOUS', 'Vurder å melde saken som alvorlig til kommunen'],
  ['BTI_LEVEL_2_OR_HIGHER', 'Vurder BTI nivå 2 eller høyere'],
  ['INVOLVE_PPT', 'Vurder å be PPT om råd'],
  ['ADD_STOPPE_OR_STOTTE_MEASURE', 'Vurder et tiltak som stopper eller støtter'],
];

type Rule = { whenStepAtLeast: number; suggest: string[] };
type GuidanceForm = { ffssWarningFromStep: string; rules: Rule[]; btiServices: string };

function Guidance({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const key = ['guidance', ownerId];
  const guidance = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/guidance', { params: { path: { ownerId } } })),
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  // Only what this person changed, laid over the stored guidance (so a reloaded version keeps these edits).
  const [edits, setEdits] = useState<Partial<GuidanceForm>>({});
  if (guidance.isPending) return <Spinner aria-label="Henter Omni-veiledningen" />;
  if (guidance.isError) return <Alert data-color="danger">Omni-veiledningen kunne ikke hentes.</Alert>;
  const g = guidance.data as unknown as {
    version: number;
    changedAt: string | null;
    ffssWarningFromStep: number;
    rules: Rule[];
    btiServices?: string[];
    notice?: string;
  };
  const stored: GuidanceForm = {
    ffssWarningFromStep: String(g.ffssWarningFromStep),
    rules: g.rules,
    btiServices: (g.btiServices ?? []).join(', '),
  };
  const v: GuidanceForm = { ...stored, ...edits };
  const setDraft = (next: GuidanceForm) =>
    setEdits(
      Object.fromEntries(Object.entries(next).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(stored[k as keyof GuidanceForm]))),
    );
  const setRule = (i: number, rule: Rule) => setDraft({ ...v, rules: v.rules.map((r, j) => (j === i ? rule : r)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const services = v.btiServices
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/guidance', {
            params: { path: { ownerId } },
            body: {
              ffssWarningFromStep: Number(v.ffssWarningFromStep),
              rules: v.rules,
              ...(services.length ? { btiServices: services } : {}),
              expectedVersion: g.version,
            } as never,
          }),
        ),
      'Omni-veiledningen',
    ).then((ok) => ok && setEdits({}));
  };
  return (
    <section aria-labelledby="omni" className="settings-section">
      <Heading level={2} data-size="md" id="omni">
        Omni-veiledning
      </Heading>
      <Paragraph>Råd som vises i sakene når en gruppe står høyt på Omni-trappa. Rådene er kommunens policy og stopper aldri noe.</Paragraph>
      <VersionLine version={g.version} changedAt={g.changedAt} />
      <Conflict on={conflict} reload={() => void reload()} what="Omni-veiledningen" />
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="omni-ffss"
          label="Varsel om FFSS fra trinn"
          description="Planer får et varsel fra dette trinnet når ingen tiltak stopper eller støtter (1–5)."
          type="number"
          min={1}
          max={5}
          readOnly={!mayChange}
          value={v.ffssWarningFromStep}
          error={
            problem?.fieldError('ffssWarningFromStep') ? norwegianMessage(problem.fieldError('ffssWarningFromStep') as string) : undefined
          }
          onChange={(e) => setDraft({ ...v, ffssWarningFromStep: e.target.value })}
        />
        {v.rules.map((r, i) => (
          <fieldset key={i} className="rule">
            <legend>Regel {i + 1}</legend>
            <Textfield
              label="Når gruppen står på trinn (eller høyere)"
              type="number"
              min={1}
              max={5}
              readOnly={!mayChange}
              value={String(r.whenStepAtLeast)}
              onChange={(e) => setRule(i, { ...r, whenStepAtLeast: Number(e.target.value) })}
            />
            {SUGGESTIONS.map(([code, label]) => (
              <label key={code} className="checkbox-line">
                <input
                  type="checkbox"
                  disabled={!mayChange}
                  checked={r.suggest.includes(code)}
                  onChange={(e) =>
                    setRule(i, { ...r, suggest: e.target.checked ? [...r.suggest, code] : r.suggest.filter((c) => c !== code) })
                  }
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
        ))}
        {mayChange && (
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setDraft({ ...v, rules: [...v.rules, { whenStepAtLeast: 4, suggest: [] }] })}
          >
            Legg til en regel
          </Button>
        )}
        <Textfield
          id="omni-services"
          label="Kommunens egne BTI-tjenester (kommaseparert)"
          description="Standardtjenestene (PPT, helsestasjon, skolehelsetjeneste, barnevern, BUP, annen) er alltid med."
          readOnly={!mayChange}
          value={v.btiServices}
          onChange={(e) => setDraft({ ...v, btiServices: e.target.value })}
        />
        <ProblemSummary
          problem={problem}
          fieldIds={{ ffssWarningFromStep: 'omni-ffss', btiServices: 'omni-services' }}
          labels={{ ffssWarningFromStep: 'Varsel om FFSS fra trinn' }}
        />
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            Lagre Omni-veiledningen
          </Button>
        )}
      </form>
    </section>
  );
}

interface Preview {
  retentionYears: number | null;
  closedBefore: string | null;
  due: Array<{ caseId: string; unitId: string; closedAt: string }>;
  blocked: Array<{ caseId: string; unitId: string; closedAt: string; legalHold: string | null; reason: string }>;
}

function Retention({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const me = useMe();
  const qc = useQueryClient();
  const key = ['retention', ownerId];
  const retention = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/retention', { params: { path: { ownerId } } })),
  });
  const preview = useQuery({
    queryKey: ['retention-preview', ownerId],
    queryFn: () =>
      unwrap(api.GET('/api/owners/{ownerId}/retention/preview', { params: { path: { ownerId } } })) as unknown as Promise<Preview>,
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  const [draft, setDraft] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [ran, setRan] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/owners/{ownerId}/retention/run', { params: { path: { ownerId } } })) as unknown as Promise<{
        anonymised: string[];
      }>,
    onSuccess: (r) => {
      dialog.current?.close();
      setRan(`${r.anonymised.length} saker er anonymisert.`);
      void qc.invalidateQueries({ queryKey: ['retention-preview', ownerId] });
    },
  });
  if (retention.isPending) return <Spinner aria-label="Henter bevaringsreglene" />;
  if (retention.isError) return <Alert data-color="danger">Bevaringsreglene kunne ikke hentes.</Alert>;
  const r = retention.data as unknown as { retentionYears: number | null; version: number; changedAt: string | null };
  const years = draft ?? (r.retentionYears === null ? '' : String(r.retentionYears));
  const unitName = (id: string) => me.units.find((u) => u.id === id)?.name ?? '';
  const due = preview.data?.due ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/retention', {
            params: { path: { ownerId } },
            body: { retentionYears: years.trim() === '' ? null : Number(years), expectedVersion: r.version },
          }),
        ),
      'Bevaringsregelen',
    ).then((ok) => {
      if (ok) {
        setDraft(null);
        void qc.invalidateQueries({ queryKey: ['retention-preview', ownerId] });
      }
    });
  };
  return (
    <section aria-labelledby="sletting" className="settings-section">
      <Heading level={2} data-size="md" id="sletting">
        Sletting (bevaring)
      </Heading>
      <Paragraph>
        Hvor mange år etter at en sak er avsluttet, den anonymiseres. Tomt betyr aldri: kommunens arkivplan bestemmer. Historikken kan
        fortsatt kontrolleres etter anonymisering.
      </Paragraph>
      <VersionLine version={r.version} changedAt={r.changedAt} />
      <Conflict on={conflict} reload={() => void reload()} what="bevaringsregelen" />
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="sletting-aar"
          label="Anonymiser saker så mange år etter at de ble avsluttet"
          description="1–100, eller tomt for aldri"
          type="number"
          min={1}
          max={100}
          readOnly={!mayChange}
          value={years}
          error={problem?.fieldError('retentionYears') ? norwegianMessage(problem.fieldError('retentionYears') as string) : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
        <ProblemSummary problem={problem} fieldIds={{ retentionYears: 'sletting-aar' }} labels={{ retentionYears: 'Antall år' }} />
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            Lagre bevaringsregelen
          </Button>
        )}
      </form>
      <Heading level={3} data-size="sm">
        Forhåndsvisning
      </Heading>
      {preview.isPending ? (
        <Spinner aria-label="Henter forhåndsvisningen" />
      ) : !preview.data || preview.data.retentionYears === null ? (
        <Paragraph>Ingen saker anonymiseres: kommunen har ikke satt en bevaringstid.</Paragraph>
      ) : (
        <>
          <Paragraph data-due={due.length}>
            {due.length} saker avsluttet før {formatDate(String(preview.data.closedBefore))} kan anonymiseres nå;{' '}
            {preview.data.blocked.length} holdes tilbake.
          </Paragraph>
          <PreviewTable
            caption="Holdes tilbake, og hvorfor"
            rows={preview.data.blocked.map((b) => [unitName(b.unitId), formatDate(b.closedAt), blockedReason(b)])}
          />
          {mayChange && due.length > 0 && (
            <Button type="button" data-color="danger" onClick={() => dialog.current?.showModal()}>
              Anonymiser {due.length} saker …
            </Button>
          )}
        </>
      )}
      {ran && <Alert data-color="success">{ran}</Alert>}
      <Dialog ref={dialog} closeButton="Avbryt">
        <Dialog.Block>
          <Heading level={2} data-size="sm">
            Anonymisere {due.length} saker?
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>
            Innholdet i {due.length} saker (tekst, navn og hvem sakene gjelder) slettes for godt. Hva som skjedde og når, blir stående, og
            historikken kan fortsatt kontrolleres. Dette kan ikke angres.
          </Paragraph>
          <div className="row">
            <Button data-color="danger" loading={run.isPending} onClick={() => run.mutate()}>
              Ja, anonymiser {due.length} saker
            </Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Avbryt
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}

function blockedReason(b: { legalHold: string | null; reason: string }): string {
  if (b.legalHold) return `Sperret mot sletting: ${b.legalHold}`;
  if (/Statsforvalteren/.test(b.reason)) return 'Saken er hos Statsforvalteren';
  return b.reason;
}

function PreviewTable({ caption, rows }: { caption: string; rows: ReactNode[][] }) {
  if (!rows.length) return null;
  return (
    <TableScroll label={caption}>
      <Table data-table="holdes-tilbake">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>Enhet</Table.HeaderCell>
            <Table.HeaderCell>Avsluttet</Table.HeaderCell>
            <Table.HeaderCell>Hvorfor</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((cells, i) => (
            <Table.Row key={i}>
              {cells.map((c, j) => (
                <Table.Cell key={j}>{c}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

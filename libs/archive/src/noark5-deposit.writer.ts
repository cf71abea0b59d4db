import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { osloDateOf, REGIME_LAW, toOsloIso } from '../../workflow/src';
import { caseTitleOf, journalRuleOfKind, SKJERMINGSHJEMMEL } from '../../cases/src/archive/journal-rules';
import { exportChain } from '../../cases/src/history';
import type {
  DepositCase,
  DepositJournalRow,
  DepositMeta,
  DepositPackage,
  DepositPackageBuilder,
  DepositPackageWriter,
  JournalEntryRecord,
} from '../../cases/src/ports';
import { derivedUuid, el, HashedFile, writeWhole } from './xml-file';
import { writeAddml } from './addml.xml';

/**
 * A Noark 5 v5.0 deposit (arkivuttrekk) as Arkivverket's schemas define it, written to a temporary
 * directory case by case and streamed as one tar: arkivstruktur.xml, loependeJournal.xml,
 * offentligJournal.xml, endringslogg.xml, arkivuttrekk.xml (ADDML: every file, its size and
 * checksum), the schemas, and dokumenter/ with each journalled PDF and each case's hash chain.
 * What maps to what is in docs/operations.md ("Arkivuttrekk (Noark 5)").
 */
export const SCHEMA_DIR = [path.resolve(__dirname, '..', 'schemas'), path.resolve(__dirname, '../../../../libs/archive/schemas')].find(
  (d) =>
    // From the sources, or from the build in dist/ (tsc copies no .xsd).
    fs.existsSync(path.join(d, 'arkivstruktur.xsd')),
) as string;
const SCHEMAS = [
  'arkivstruktur.xsd',
  'metadatakatalog.xsd',
  'loependeJournal.xsd',
  'offentligJournal.xsd',
  'endringslogg.xsd',
  'addml.xsd',
];
const NS = 'http://www.arkivverket.no/standarder/noark5';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
/** Access code for documents exempt under offentleglova § 13 (duty of confidentiality). */
const TILGANGSRESTRIKSJON = '13';
const SYSTEM = 'Trygg';

const dateTime = (d: Date) => toOsloIso(d);
const date = (d: Date) => osloDateOf(d);
const header = (root: string, schema: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}/${schema}" ${XSI} xsi:schemaLocation="${NS}/${schema} ${schema}.xsd">\n`;

function skjerming(metadata: string[]): string {
  return `<skjerming>${el('tilgangsrestriksjon', TILGANGSRESTRIKSJON)}${el('skjermingshjemmel', SKJERMINGSHJEMMEL)}${metadata
    .map((m) => el('skjermingMetadata', m))
    .join('')}${el('skjermingDokument', 'Hele dokumentet')}</skjerming>`;
}

function korrespondansepart(e: JournalEntryRecord, unitName: string): string {
  const external = journalRuleOfKind(e.kind).journalposttype === 'Inngående dokument';
  return `<korrespondansepart>${el('korrespondanseparttype', external ? 'Avsender' : 'Intern avsender')}${el(
    'korrespondansepartNavn',
    external ? 'Statsforvalteren' : unitName,
  )}</korrespondansepart>`;
}

export class Noark5DepositWriter implements DepositPackageWriter {
  constructor(private readonly tmpRoot = os.tmpdir()) {}

  async begin(meta: DepositMeta): Promise<DepositPackageBuilder> {
    const dir = await fs.promises.mkdtemp(path.join(this.tmpRoot, `trygg-deposit-${meta.depositId}-`));
    await fs.promises.mkdir(path.join(dir, 'dokumenter'));
    return new Noark5DepositBuilder(dir, meta);
  }
}

class Noark5DepositBuilder implements DepositPackageBuilder {
  private readonly files: Array<{ name: string; size: number; sha256: string }> = [];
  private readonly structure: HashedFile;
  private readonly running: HashedFile;
  private readonly public: HashedFile;
  private readonly changes: HashedFile;
  private changeCount = 0;
  private started = false;

  constructor(
    private readonly dir: string,
    private readonly meta: DepositMeta,
  ) {
    this.structure = new HashedFile(path.join(dir, 'arkivstruktur.xml'));
    this.running = new HashedFile(path.join(dir, 'loependeJournal.xml'));
    this.public = new HashedFile(path.join(dir, 'offentligJournal.xml'));
    this.changes = new HashedFile(path.join(dir, 'endringslogg.xml'));
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const m = this.meta;
    const now = dateTime(m.createdAt);
    const arkivskaper = `<arkivskaper>${el('arkivskaperID', m.ownerId)}${el('arkivskaperNavn', m.ownerName)}</arkivskaper>`;
    await this.structure.write(
      header('arkiv', 'arkivstruktur') +
        el('systemID', m.depositId) +
        el('tittel', `${m.ownerName}: saker om skolemiljø og barnehagemiljø (Trygg)`) +
        el('beskrivelse', `Arkivuttrekk fra ${SYSTEM} av saker avsluttet ${m.from}–${m.to}`) +
        el('arkivstatus', 'Avsluttet') +
        el('dokumentmedium', 'Elektronisk arkiv') +
        el('opprettetDato', now) +
        el('opprettetAv', SYSTEM) +
        el('avsluttetDato', now) +
        el('avsluttetAv', m.createdBy) +
        arkivskaper +
        '\n<arkivdel>' +
        el('systemID', derivedUuid(m.depositId, 'arkivdel')) +
        el('tittel', `Aktivitetsplikten (opplæringslova kap. 12, barnehageloven kap. VIII) ${m.from}–${m.to}`) +
        el('arkivdelstatus', 'Avsluttet periode') +
        el('dokumentmedium', 'Elektronisk arkiv') +
        el('opprettetDato', now) +
        el('opprettetAv', SYSTEM) +
        el('avsluttetDato', now) +
        el('avsluttetAv', m.createdBy) +
        el('arkivperiodeStartDato', m.from) +
        el('arkivperiodeSluttDato', m.to) +
        '\n',
    );
    const journalHead = `<journalhode>${el('journalStartDato', m.from)}${el('journalSluttDato', m.to)}${el(
      'seleksjon',
      'Journalposter i saker som er avsluttet i perioden',
    )}${el('antallJournalposter', m.entryCount)}${arkivskaper}</journalhode>\n`;
    await this.running.write(header('loependeJournal', 'loependeJournal') + journalHead);
    await this.public.write(header('offentligJournal', 'offentligJournal') + journalHead);
    await this.changes.write(header('endringslogg', 'endringslogg'));
  }

  async add(c: DepositCase, documents: Map<string, Buffer>, responsible: string): Promise<void> {
    await this.start();
    const { rec } = c;
    const name = (id: string | null) => (id ? (c.userNames.get(id) ?? id) : SYSTEM);
    const [year, seq] = (rec.caseNumber ?? '0/0').split('/').map(Number);
    const law = REGIME_LAW[rec.regime];
    const closing = c.statusChanges.filter((x) => x.to === 'Avsluttet').pop();
    const closedBy = name(closing?.by ?? rec.openedBy);
    const registrations: string[] = [];
    let n = 0;
    for (const e of c.entries) {
      n += 1;
      const pdf = documents.get(e.id);
      const file = `dokumenter/${e.id}.pdf`;
      if (pdf) this.files.push({ name: file, ...(await writeWhole(path.join(this.dir, file), pdf)) });
      const rule = journalRuleOfKind(e.kind);
      const by = name(e.createdBy);
      const at = dateTime(e.createdAt);
      const object = pdf
        ? `<dokumentobjekt>${el('systemID', derivedUuid(e.id, 'dokumentobjekt'))}${el('versjonsnummer', 1)}${el('variantformat', 'Arkivformat')}${el(
            'format',
            'PDF/A-2b',
          )}${el('opprettetDato', at)}${el('opprettetAv', by)}${el('referanseDokumentfil', file)}${el('sjekksum', e.sha256)}${el(
            'sjekksumAlgoritme',
            'SHA256',
          )}${el('filstoerrelse', e.size)}</dokumentobjekt>`
        : '';
      registrations.push(
        `<registrering xsi:type="journalpost">${el('systemID', e.id)}${el('opprettetDato', at)}${el('opprettetAv', by)}${el('arkivertDato', at)}${el(
          'arkivertAv',
          by,
        )}${skjerming(['partNavn', 'partID'])}<dokumentbeskrivelse>${el('systemID', derivedUuid(e.id, 'dokumentbeskrivelse'))}${el(
          'dokumenttype',
          rule.dokumenttype,
        )}${el('dokumentstatus', 'Dokumentet er ferdigstilt')}${el('tittel', e.title)}${el('opprettetDato', at)}${el('opprettetAv', by)}${el(
          'tilknyttetRegistreringSom',
          'Hoveddokument',
        )}${el('dokumentnummer', 1)}${el('tilknyttetDato', at)}${el('tilknyttetAv', by)}${object}</dokumentbeskrivelse>${el(
          'registreringsID',
          `${rec.caseNumber}-${n}`,
        )}${el('tittel', e.title)}${el('offentligTittel', e.publicTitle)}${korrespondansepart(e, c.unitName)}${el('journalaar', e.journalYear)}${el(
          'journalsekvensnummer',
          e.journalSeq,
        )}${el('journalpostnummer', n)}${el('journalposttype', e.journalposttype)}${el('journalstatus', 'Arkivert')}${el(
          'journaldato',
          date(e.createdAt),
        )}${el('dokumentetsDato', date(e.createdAt))}${
          rule.journalposttype === 'Inngående dokument' ? el('mottattDato', at) : ''
        }${el('offentlighetsvurdertDato', date(e.createdAt))}</registrering>`,
      );
    }
    // The history with its hash chain, so the archive can verify it without Trygg.
    const chainFile = `dokumenter/${rec.id}-historikk.json`;
    const chain = Buffer.from(
      JSON.stringify({ caseId: rec.id, caseNumber: rec.caseNumber, algorithm: 'sha256', events: exportChain(c.chain) }, null, 1),
    );
    const chainMeta = await writeWhole(path.join(this.dir, chainFile), chain);
    this.files.push({ name: chainFile, ...chainMeta });
    const deposited = dateTime(this.meta.createdAt);
    registrations.push(
      `<registrering>${el('systemID', derivedUuid(rec.id, 'historikk'))}${el('opprettetDato', deposited)}${el('opprettetAv', SYSTEM)}${el(
        'arkivertDato',
        deposited,
      )}${el('arkivertAv', SYSTEM)}${skjerming(['partNavn', 'partID'])}<dokumentbeskrivelse>${el(
        'systemID',
        derivedUuid(rec.id, 'historikk-dokument'),
      )}${el('dokumenttype', 'Historikk')}${el('dokumentstatus', 'Dokumentet er ferdigstilt')}${el(
        'tittel',
        'Sakens historikk med hash-kjede (JSON)',
      )}${el('opprettetDato', deposited)}${el('opprettetAv', SYSTEM)}${el('tilknyttetRegistreringSom', 'Hoveddokument')}${el(
        'dokumentnummer',
        1,
      )}${el('tilknyttetDato', deposited)}${el('tilknyttetAv', SYSTEM)}<dokumentobjekt>${el(
        'systemID',
        derivedUuid(rec.id, 'historikk-objekt'),
      )}${el('versjonsnummer', 1)}${el('variantformat', 'Arkivformat')}${el('format', 'JSON')}${el('opprettetDato', deposited)}${el(
        'opprettetAv',
        SYSTEM,
      )}${el('referanseDokumentfil', chainFile)}${el('sjekksum', chainMeta.sha256)}${el('sjekksumAlgoritme', 'SHA256')}${el(
        'filstoerrelse',
        chainMeta.size,
      )}</dokumentobjekt></dokumentbeskrivelse>${el('tittel', 'Sakens historikk med hash-kjede')}</registrering>`,
    );
    const title = caseTitleOf(rec.regime);
    const parts = c.childNames
      .map(
        (ch) => `<part>${el('partID', ch.id)}${el('partNavn', ch.name)}${el('partRolle', law.child === 'elev' ? 'Elev' : 'Barn')}</part>`,
      )
      .join('');
    await this.structure.write(
      `<mappe xsi:type="saksmappe">${el('systemID', rec.id)}${el('mappeID', rec.caseNumber)}${el('tittel', title)}${el('offentligTittel', title)}${el(
        'dokumentmedium',
        'Elektronisk arkiv',
      )}${el('opprettetDato', dateTime(rec.openedAt))}${el('opprettetAv', name(rec.openedBy))}${el(
        'avsluttetDato',
        dateTime(rec.closedAt ?? this.meta.createdAt),
      )}${el('avsluttetAv', closedBy)}${parts}${skjerming(['partNavn', 'partID'])}\n${registrations.join('\n')}\n${el('saksaar', year)}${el(
        'sakssekvensnummer',
        seq,
      )}${el('saksdato', date(rec.openedAt))}${el('administrativEnhet', c.unitName)}${el('saksansvarlig', responsible)}${el(
        'saksstatus',
        'Avsluttet',
      )}</mappe>\n`,
    );
    // Every change of the case's status (closed, reopened, closed again) is on record.
    for (const x of c.statusChanges) {
      this.changeCount += 1;
      await this.changes.write(
        `<endring>${el('referanseArkivenhet', rec.id)}${el('referanseMetadata', 'saksstatus')}${el('endretDato', dateTime(x.at))}${el(
          'endretAv',
          name(x.by),
        )}${el('tidligereVerdi', x.from)}${el('nyVerdi', x.to)}</endring>\n`,
      );
    }
  }

  async addJournal(rows: DepositJournalRow[]): Promise<void> {
    await this.start();
    for (const r of rows) {
      const e = r.entry;
      const [year, seq] = r.caseNumber.split('/').map(Number);
      const title = caseTitleOf(r.regime);
      const common = `${el('systemID', e.id)}${el('registreringsID', `${r.caseNumber}-${r.numberInCase}`)}${el('journalaar', e.journalYear)}${el(
        'journalsekvensnummer',
        e.journalSeq,
      )}${el('journalpostnummer', r.numberInCase)}`;
      const part = korrespondansepart(e, r.unitName);
      // The pieces both journals share, in the order both schemas put them.
      const folder = `${el('mappeID', r.caseNumber)}${el('saksaar', year)}${el('sakssekvensnummer', seq)}`;
      const dated = `${el('journaldato', date(e.createdAt))}${el('dokumentetsDato', date(e.createdAt))}`;
      const unit = el('administrativEnhet', r.unitName);
      const shielded = `${el('tilgangsrestriksjon', TILGANGSRESTRIKSJON)}${el('skjermingshjemmel', SKJERMINGSHJEMMEL)}`;
      await this.running.write(
        `<journalregistrering><saksmappe>${folder}${el('tittel', title)}${el('offentligTittel', title)}${unit}</saksmappe>` +
          `<journalpost>${common}${el('tittel', e.title)}${el('offentligTittel', e.publicTitle)}` +
          `${el('offentlighetsvurdertDato', date(e.createdAt))}${dated}${unit}${shielded}${part}</journalpost></journalregistrering>\n`,
      );
      // The public journal: titles that never name the child, and no shielded content at all.
      await this.public.write(
        `<journalregistrering><saksmappe>${folder}${el('offentligTittel', title)}${unit}${shielded}</saksmappe>` +
          `<journalpost>${common}${el('offentligTittel', e.publicTitle)}${dated}${unit}${shielded}${part}</journalpost></journalregistrering>\n`,
      );
    }
  }

  async finish(): Promise<DepositPackage> {
    await this.start();
    await this.structure.write('</arkivdel>\n</arkiv>\n');
    await this.running.write('</loependeJournal>\n');
    await this.public.write('</offentligJournal>\n');
    await this.changes.write('</endringslogg>\n');
    const closed = await Promise.all(
      [this.structure, this.running, this.public, this.changes].map(async (f) => ({ name: path.basename(f.path), ...(await f.close()) })),
    );
    const schemas = await Promise.all(
      SCHEMAS.map(async (s) => {
        const data = await fs.promises.readFile(path.join(SCHEMA_DIR, s));
        return { name: s, ...(await writeWhole(path.join(this.dir, s), data)) };
      }),
    );
    const listed = [...closed, ...this.files, ...schemas];
    const addmlFile = new HashedFile(path.join(this.dir, 'arkivuttrekk.xml'));
    await writeAddml(addmlFile, this.meta, listed, this.changeCount);
    const addml = await addmlFile.close();
    const files = [{ name: 'arkivuttrekk.xml', ...addml }, ...listed];
    const dir = this.dir;
    return {
      fileName: `arkivuttrekk-${this.meta.from}-${this.meta.to}-${this.meta.depositId}.tar`,
      files,
      stream: () =>
        tarOf(
          dir,
          files.map((f) => ({ name: f.name, size: f.size })),
        ),
      dispose: () => fs.promises.rm(dir, { recursive: true, force: true }),
    };
  }

  async abort(): Promise<void> {
    for (const f of [this.structure, this.running, this.public, this.changes]) f.destroy();
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}

/** The package as one tar, each file read from disk as the receiver takes it. */
function tarOf(dir: string, files: Array<{ name: string; size: number }>): Readable {
  const pack = tar.pack();
  const out = new PassThrough();
  (async () => {
    for (const f of files) {
      const entry = pack.entry({ name: f.name, size: f.size, mode: 0o644 });
      await pipeline(fs.createReadStream(path.join(dir, f.name)), entry);
    }
    pack.finalize();
  })().catch((e) => pack.destroy(e as Error));
  pack.on('error', (e) => out.destroy(e));
  return pack.pipe(out);
}

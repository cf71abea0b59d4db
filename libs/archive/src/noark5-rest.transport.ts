import type { ArchivableEntry, ArchiveTransport } from '../../cases/src/ports';
import { caseTitleOf, journalRuleOfKind, SKJERMINGSHJEMMEL } from '../../cases/src/archive/journal-rules';
import { osloDateOf } from '../../workflow/src';

export interface Noark5RestSettings {
  /** The tjenestegrensesnitt's base, e.g. https://arkiv.kommune.no/noark5v5/api */
  baseUrl: string;
  /** The arkivdel Trygg files its cases under (its systemID in the archive). */
  arkivdel: string;
  token?: string;
  timeoutMs?: number;
}

const MEDIA = 'application/vnd.noark5+json';
const KODE: Record<string, { kode: string; kodenavn: string }> = {
  'Inngående dokument': { kode: 'I', kodenavn: 'Inngående dokument' },
  'Organinternt dokument for oppfølging': { kode: 'N', kodenavn: 'Organinternt dokument for oppfølging' },
  'Organinternt dokument uten oppfølging': { kode: 'X', kodenavn: 'Organinternt dokument uten oppfølging' },
};
const SKJERMING = {
  tilgangsrestriksjon: { kode: '13', kodenavn: 'Taushetsplikt' },
  skjermingshjemmel: SKJERMINGSHJEMMEL,
  skjermingMetadata: [{ kode: 'partNavn' }],
};
/** Trygg's own key on what it creates, so a retried send finds what an interrupted one made. */
const externalId = (id: string) => `trygg/${id}`;

class ArchiveUnavailable extends Error {}

/**
 * Noark 5 Tjenestegrensesnitt v1.1 (Arkivverket's REST interface): the case as a saksmappe in the
 * configured arkivdel, each entry as a journalpost with one dokumentbeskrivelse, one dokumentobjekt
 * and its file. Every object carries `eksternID` = trygg/<id>, looked up before it is created.
 */
export class Noark5RestTransport implements ArchiveTransport {
  readonly name = 'noark5-rest';
  constructor(private readonly s: Noark5RestSettings) {}

  async send(e: ArchivableEntry): Promise<{ caseRef: string; entryRef: string }> {
    const caseRef = e.case.archiveRef ?? (await this.saksmappe(e));
    const existing = await this.find('sakarkiv/journalpost', externalId(e.entry.id));
    const entryRef = existing ?? (await this.journalpost(e, caseRef));
    const documents = await this.call('GET', `arkivstruktur/journalpost/${entryRef}/dokumentbeskrivelse`);
    if (!(documents.results as unknown[] | undefined)?.length) await this.document(e, entryRef);
    return { caseRef, entryRef };
  }

  private async saksmappe(e: ArchivableEntry): Promise<string> {
    const found = await this.find('sakarkiv/saksmappe', externalId(e.case.id));
    if (found) return found;
    const title = caseTitleOf(e.case.regime);
    const [saksaar, sakssekvensnummer] = e.case.caseNumber.split('/').map(Number);
    const created = await this.call('POST', `arkivstruktur/arkivdel/${this.s.arkivdel}/ny-saksmappe`, {
      eksternID: externalId(e.case.id),
      mappeID: e.case.caseNumber,
      tittel: title,
      offentligTittel: title,
      saksaar,
      sakssekvensnummer,
      saksdato: osloDateOf(e.case.openedAt),
      administrativEnhet: e.case.unitName,
      saksansvarlig: e.case.responsible,
      saksstatus: e.case.closedAt ? { kode: 'A', kodenavn: 'Avsluttet' } : { kode: 'B', kodenavn: 'Under behandling' },
      skjerming: SKJERMING,
    });
    return String(created.systemID);
  }

  private async journalpost(e: ArchivableEntry, caseRef: string): Promise<string> {
    const j = e.entry;
    const created = await this.call('POST', `sakarkiv/saksmappe/${caseRef}/ny-journalpost`, {
      eksternID: externalId(j.id),
      registreringsID: `${e.case.caseNumber}-${e.numberInCase}`,
      tittel: j.title,
      offentligTittel: j.publicTitle,
      journalposttype: KODE[j.journalposttype],
      journalstatus: { kode: 'J', kodenavn: 'Journalført' },
      dokumentetsDato: osloDateOf(j.createdAt),
      opprettetAv: e.createdByName,
      korrespondansepart: [
        j.journalposttype === 'Inngående dokument'
          ? { korrespondanseparttype: { kode: 'EA', kodenavn: 'Avsender' }, korrespondansepartNavn: 'Statsforvalteren' }
          : { korrespondanseparttype: { kode: 'IA', kodenavn: 'Intern avsender' }, korrespondansepartNavn: e.case.unitName },
      ],
      skjerming: SKJERMING,
      // Trygg's own journal number, for the archivist matching the two journals.
      merknad: [{ merknadstekst: `Trygg journalnummer ${j.journalYear}/${j.journalSeq}`, merknadstype: { kode: 'T', kodenavn: 'Trygg' } }],
    });
    return String(created.systemID);
  }

  private async document(e: ArchivableEntry, entryRef: string): Promise<void> {
    const rule = journalRuleOfKind(e.entry.kind);
    const d = await this.call('POST', `arkivstruktur/journalpost/${entryRef}/ny-dokumentbeskrivelse`, {
      dokumenttype: { kode: rule.dokumenttype, kodenavn: rule.dokumenttype },
      dokumentstatus: { kode: 'F', kodenavn: 'Dokumentet er ferdigstilt' },
      tittel: e.entry.title,
      tilknyttetRegistreringSom: { kode: 'H', kodenavn: 'Hoveddokument' },
      dokumentnummer: 1,
    });
    if (!e.document) return;
    const o = await this.call('POST', `arkivstruktur/dokumentbeskrivelse/${d.systemID}/ny-dokumentobjekt`, {
      versjonsnummer: 1,
      variantformat: { kode: 'A', kodenavn: 'Arkivformat' },
      format: { kode: 'fmt/477', kodenavn: 'PDF/A-2b' },
      sjekksum: e.entry.sha256,
      sjekksumAlgoritme: 'SHA256',
      filstoerrelse: e.entry.size,
    });
    await this.call('PUT', `arkivstruktur/dokumentobjekt/${o.systemID}/referanseFil`, e.document, 'application/pdf');
  }

  /** The systemID of the object with this eksternID, if the archive has one. */
  private async find(collection: string, eksternID: string): Promise<string | null> {
    const res = await this.call('GET', `${collection}?$filter=${encodeURIComponent(`eksternID eq '${eksternID}'`)}`);
    const first = (res.results as Array<{ systemID: string }> | undefined)?.[0];
    return first ? String(first.systemID) : null;
  }

  private async call(method: string, path: string, body?: unknown, contentType = MEDIA): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${this.s.baseUrl.replace(/\/$/, '')}/${path}`, {
        method,
        headers: {
          Accept: MEDIA,
          ...(body !== undefined ? { 'Content-Type': contentType } : {}),
          ...(this.s.token ? { Authorization: `Bearer ${this.s.token}` } : {}),
        },
        body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
        signal: AbortSignal.timeout(this.s.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new ArchiveUnavailable(`the archive service did not answer ${method} ${path}: ${(err as Error).message}`);
    }
    if (!res.ok)
      throw new ArchiveUnavailable(`the archive service answered ${res.status} to ${method} ${path}: ${(await res.text()).slice(0, 300)}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
}

import type { DepositMeta } from '../../cases/src/ports';
import { el, esc, HashedFile } from './xml-file';

type Listed = { name: string; size: number; sha256: string };

const prop = (name: string, value: string | number, children = '') =>
  `<property name="${esc(name)}">${el('value', value)}${children ? `<properties>${children}</properties>` : ''}</property>`;
const group = (name: string, children: string) => `<property name="${esc(name)}"><properties>${children}</properties></property>`;

const SCHEMA_OF: Record<string, string> = {
  'arkivstruktur.xml': 'arkivstruktur.xsd',
  'loependeJournal.xml': 'loependeJournal.xsd',
  'offentligJournal.xml': 'offentligJournal.xsd',
  'endringslogg.xml': 'endringslogg.xsd',
};

function fileObject(f: Listed): string {
  const schema = SCHEMA_OF[f.name];
  const format = f.name.endsWith('.pdf') ? 'PDF/A-2b' : f.name.endsWith('.json') ? 'JSON' : f.name.endsWith('.xsd') ? 'XSD' : 'XML';
  const props =
    prop('name', f.name) +
    prop('format', format) +
    prop('size', f.size) +
    group('checksum', prop('algorithm', 'SHA256') + prop('value', f.sha256)) +
    (schema ? group('schema', prop('name', schema) + prop('type', 'XSD') + prop('version', '5.0')) : '');
  return `<dataObject name="${esc(f.name)}"><properties>${group('file', props)}</properties></dataObject>`;
}

/**
 * arkivuttrekk.xml: the package described in ADDML 8.3 (Arkivverket), listing every file with
 * its format, size and SHA-256, so the archive can check the package is whole before it opens it.
 * Written file by file: a deposit of many cases lists tens of thousands of files.
 */
export async function writeAddml(out: HashedFile, meta: DepositMeta, files: Listed[], changes: number): Promise<void> {
  await out.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<addml xmlns="http://www.arkivverket.no/standarder/addml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      ` xsi:schemaLocation="http://www.arkivverket.no/standarder/addml addml.xsd" name="${esc(`Arkivuttrekk ${meta.depositId}`)}">\n` +
      `<dataset name="Noark 5 arkivuttrekk">` +
      el('description', `Saker om skolemiljø og barnehagemiljø avsluttet ${meta.from}–${meta.to}, ${meta.ownerName}`) +
      `<reference><context><additionalElements>` +
      `<additionalElement name="recordCreators"><additionalElements><additionalElement name="recordCreator"><properties>${prop('name', meta.ownerName)}${prop(
        'id',
        meta.ownerId,
      )}</properties></additionalElement></additionalElements></additionalElement>` +
      `<additionalElement name="systemType">${el('value', 'Noark 5')}</additionalElement>` +
      `<additionalElement name="systemName">${el('value', 'Trygg')}</additionalElement>` +
      `<additionalElement name="archivist">${el('value', meta.createdBy)}</additionalElement>` +
      `</additionalElements></context><content><additionalElements>` +
      `<additionalElement name="archivalPeriod"><properties>${prop('startDate', meta.from)}${prop('endDate', meta.to)}</properties></additionalElement>` +
      `</additionalElements></content></reference>\n` +
      `<dataObjects><dataObject name="Noark 5 arkivuttrekk"><properties>` +
      group(
        'info',
        prop('type', 'Noark 5', prop('version', 'v5.0')) +
          prop('numberOfCases', meta.caseCount) +
          prop('numberOfRegistrations', meta.entryCount) +
          prop('numberOfChanges', changes),
      ) +
      `</properties><dataObjects>\n`,
  );
  for (const f of files) if (!f.name.startsWith('dokumenter/')) await out.write(`${fileObject(f)}\n`);
  await out.write(`<dataObject name="dokumenter"><dataObjects>\n`);
  for (const f of files) if (f.name.startsWith('dokumenter/')) await out.write(`${fileObject(f)}\n`);
  await out.write(`</dataObjects></dataObject>\n</dataObjects></dataObject></dataObjects></dataset>\n</addml>\n`);
}

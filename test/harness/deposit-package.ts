import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { SCHEMA_DIR } from '../../libs/archive/src';
import type { TestApp } from './test-app';

/** A deposit package unpacked: each file's bytes by name. */
export async function untar(data: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
      stream.on('end', () => {
        files.set(header.name, Buffer.concat(chunks));
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  Readable.from([data]).pipe(extract);
  await done;
  return files;
}

export const XML_SCHEMAS: Record<string, string> = {
  'arkivstruktur.xml': 'arkivstruktur.xsd',
  'loependeJournal.xml': 'loependeJournal.xsd',
  'offentligJournal.xml': 'offentligJournal.xsd',
  'endringslogg.xml': 'endringslogg.xsd',
  'arkivuttrekk.xml': 'addml.xsd',
};

/** xmllint's verdict on one file against the repository's copy of its Noark 5 schema. */
export function xmllint(name: string, content: Buffer): { valid: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-xmllint-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, XML_SCHEMAS[name]), file], { stdio: 'pipe' });
    return { valid: true, output: '' };
  } catch (e) {
    const err = e as { stderr?: Buffer };
    return { valid: false, output: err.stderr?.toString().slice(0, 4000) ?? String(e) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file ADDML lists, with the size and checksum it gives. */
export function addmlFiles(addml: string): Array<{ name: string; size: number; sha256: string }> {
  const out: Array<{ name: string; size: number; sha256: string }> = [];
  const re =
    /<property name="name"><value>([^<]+)<\/value><\/property>.*?<property name="size"><value>(\d+)<\/value><\/property><property name="checksum"><properties><property name="algorithm"><value>SHA256<\/value><\/property><property name="value"><value>([0-9a-f]{64})<\/value>/g;
  for (const m of addml.matchAll(re)) out.push({ name: m[1], size: Number(m[2]), sha256: m[3] });
  return out;
}

/** POSTs a deposit as the owner and answers the response with the package unpacked. */
export async function deposit(t: TestApp, ownerId: string, body: Record<string, unknown>) {
  const res = await t
    .as('kommune')
    .post(`/api/owners/${ownerId}/archive-deposits`, body)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`deposit: ${res.status} ${res.body.toString()}`);
  // The cases count as deposited before the answer ends, so whatever the client reads next sees it.
  const id = res.headers['x-trygg-deposit-id'];
  const { rows } = await (await t.sql()).query(`SELECT status FROM archive_deposits WHERE id = $1`, [id]);
  if (rows[0]?.status !== 'complete') throw new Error(`deposit ${id} is ${rows[0]?.status ?? 'gone'} when its answer has ended`);
  return { res, files: await untar(res.body as Buffer) };
}

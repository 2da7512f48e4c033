import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Db } from '../../src/core/db/db';
import { cite, p, state, text } from '../../src/core/export/lexicalFixtures';
import { interopFile } from '../../src/core/interopReferences';
import { createNote, saveNote } from '../../src/core/notes/notes';
import { addHighlight, addSource } from './library';

/**
 * Test support for the REFI-QDA tests: a library with sources in four scripts (one with an emoji
 * before its highlight, so code points and UTF-16 units differ), hierarchical tags, comments, an
 * orphan and a note citing a passage and a whole source; and xmllint against the interop
 * folder's Project.xsd.
 */
export const ARMENIAN_BODY = 'Ստեփանակերտ 🚧։ Լաչինի միջանցքը շարունակում է փակ մնալ։\n\nՄարդիկ սպասում են։';
export const RUSSIAN_BODY = 'Степанакерт. Лачинский коридор остаётся заблокированным.\n\nПодробности позже.';
export const AZERBAIJANI_BODY = 'Şuşa. Laçın yolunda etiraz aksiyası davam edir.';
export const URDU_BODY = 'لاچین راہداری کی ناکہ بندی جاری ہے۔';

export function buildQdpxLibrary(db: Db) {
  const armenpress = addSource(db, { title: 'Լաչինի միջանցքը՝ շրջափակման մեջ', outlet: 'Արմենպրես', author: 'Անի Հակոբյան', publishedAt: '2022-12-20', language: 'hy', body: ARMENIAN_BODY });
  const ria = addSource(db, { title: 'Лачинский коридор', outlet: 'РИА Новости', publishedAt: '2023-01-05', language: 'ru', url: 'https://ria.ru/a', body: RUSSIAN_BODY });
  const report = addSource(db, { title: 'Laçın yolunda', outlet: 'Report.az', language: 'az', body: AZERBAIJANI_BODY });
  const urdu = addSource(db, { title: 'لاچین', outlet: 'Report.az', body: URDU_BODY });
  const armenian = addHighlight(db, armenpress, 'Լաչինի միջանցքը շարունակում է փակ մնալ', { comment: 'Blockade, day 8 <&>', tags: ['framing/blockade', 'Lachin corridor'] });
  const russian = addHighlight(db, ria, 'Лачинский коридор остаётся заблокированным', { tags: ['framing/blockade', 'framing'] });
  const azerbaijani = addHighlight(db, report, 'etiraz aksiyası', { tags: ['framing/blockade-denial'] });
  const orphan = addHighlight(db, urdu, 'ناکہ بندی');
  db.prepare('UPDATE highlights SET orphaned = 1 WHERE id = ?').run(orphan);
  const note = createNote(db, { title: 'Three outlets' });
  saveNote(db, note.id, { editorState: state(p(text('Armenpress: '), cite(armenpress, armenian), text(' and the whole of Report: '), cite(report, null))) });
  return { armenpress, ria, report, urdu, armenian, russian, azerbaijani, orphan, noteId: note.id };
}

export const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;

/** xmllint's verdict on a `.qde` against Project.xsd: "" when it validates, else its messages. */
export function xmllintProblems(qde: string, dir: string): string {
  const file = path.join(dir, `project-${Math.random().toString(36).slice(2)}.qde`);
  fs.writeFileSync(file, qde);
  const result = spawnSync('xmllint', ['--noout', '--schema', interopFile('refi-qda', 'Project.xsd'), file], { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0 ? '' : `${result.stderr}${result.stdout}`;
}

/** The files of a `.qdpx` archive, text decoded as UTF-8. */
export function archiveFiles(archive: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(archive)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

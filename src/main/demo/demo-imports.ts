/**
 * The demo county's spreadsheets, as townships send them: two rosters left in a folder next to the ledger
 * to try 导入导出 with (青山镇's 低保 roster with the usual mistakes, and a clean 高龄津贴 CSV), and two batches
 * already in the import history, committed through the real analysis and commit — a 建账 of 梅溪乡's
 * 高龄津贴 roster and a 核对 of 城关街道's 低保 roster whose changed amount started a change case.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { ageOn, monthOf, toIsoDate } from '../../shared/domain/dates';
import { gaolingBand, type Program } from '../../shared/domain/programs';
import type { LedgerDb } from '../db/schema';
import { programRosterFile } from '../exports/program-roster';
import type { FileToDeliver } from '../rpc/file-sink';
import { rosterOf } from '../imports/analyze/worker-roster';
import { approveCommit } from '../imports/imports.service';
import { commitImport } from '../imports/commit';
import type { Purpose } from '../imports/analyze/ledger-check';
import { DEMO_COUNTY, DEMO_TOWNSHIPS } from './demo-regions';
import type { PeopleGenerator } from './synthetic-people';
import { demoEnv } from './demo-env';

/** Where `doudi demo` leaves the townships' files, inside the data folder. */
export const DEMO_FILES_FOLDER = '演示乡镇报表';

export interface DemoImports {
  batches: number;
  files: string[];
}

async function fileBytes(file: FileToDeliver): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await file.write(out);
  out.end();
  return Buffer.concat(chunks);
}

/** The data rows of an exported roster, with the columns found by their headers. */
function rosterSheet(wb: ExcelJS.Workbook) {
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  const col: Record<string, number> = {};
  ws.eachRow((row, n) => {
    if (headerRow) return;
    row.eachCell((cell, c) => {
      if (typeof cell.value === 'string') col[cell.value] = c;
    });
    if (col['身份证号码']) headerRow = n;
  });
  const dataRows: number[] = [];
  ws.eachRow((row, n) => {
    if (n > headerRow && /^\d{17}[\dX]$/.test(String(row.getCell(col['身份证号码']!).value ?? ''))) dataRows.push(n);
  });
  return { ws, col, dataRows };
}

export async function demoImports(db: LedgerDb, at: Date, people: PeopleGenerator, folder: string): Promise<DemoImports> {
  const townships = await db.selectFrom('townships').select(['id', 'name']).execute();
  const townshipId = (name: string) => townships.find((t) => t.name === name)!.id;
  const today = toIsoDate(at);
  const staff = await demoEnv(db);
  const envFor = (username: string) => staff(username, today);
  const rosterFileOf = async (username: string, program: Program, township: string) =>
    fileBytes(
      programRosterFile(db, { scope: envFor(username).scope, maskIds: false, today }, program, townshipId(township), {
        countyName: DEMO_COUNTY.name,
        townshipName: township,
        preparedBy: envFor(username).user.displayName,
        today,
      }),
    );
  const commit = async (username: string, fileName: string, data: Buffer, program: Program, township: string, purpose: Purpose) => {
    const env = envFor(username);
    const roster = await rosterOf(data, fileName);
    const options = { fileName, program, townshipId: townshipId(township), purpose, scope: env.scope, today };
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    return (await commitImport(db, { roster, options }, { env, fileName, fileSha256: sha256, approve: approveCommit(env.user.role) })).result;
  };
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  const keep = (fileName: string, data: Buffer) => {
    fs.writeFileSync(path.join(folder, fileName), data);
    files.push(fileName);
  };
  const month = monthOf(today).replace('-', '年').replace(/^(\d+年)0?(\d+)$/, '$1$2月');
  let batches = 0;

  // 梅溪乡's elderly, one a row in a CSV as WPS saves it: registered by a 建账 batch.
  const meixi = DEMO_TOWNSHIPS.find((t) => t.name === '梅溪乡')!;
  const elderlyCsv = (count: number) => {
    const lines = ['序号,村（社区）,姓名,性别,身份证号码,出生日期,月发放金额（元）,备注'];
    for (let i = 1; i <= count; i++) {
      const p = people.person({ bornFrom: 1922, bornTo: 1945 });
      const fen = { '80': 5000, '90': 10000, '100': 50000 }[gaolingBand(ageOn(p.birthDate, today)) ?? '80'];
      lines.push([i, people.rng.pick(meixi.villages).name, p.name, p.sex === 'male' ? '男' : '女', p.idNumber, p.birthDate.replaceAll('-', '.'), (fen / 100).toFixed(2), ''].join(','));
    }
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
  };
  const loaded = `梅溪乡高龄津贴花名册（${month}）.csv`;
  await commit('admin', loaded, elderlyCsv(14), 'gaoling', '梅溪乡', 'initial_load');
  batches += 1;

  // 城关街道's 低保 roster for the month with one household's amount raised: a 核对 batch, one change case.
  const chengguan = new ExcelJS.Workbook();
  await chengguan.xlsx.load((await rosterFileOf('chengguan', 'dibao', '城关街道')) as unknown as ExcelJS.Buffer);
  const cg = rosterSheet(chengguan);
  const amountCell = cg.dataRows.length > 0 ? cg.ws.getCell(cg.dataRows[0]!, cg.col['月保障金额（元）']!) : null;
  if (amountCell && typeof amountCell.value === 'number') {
    amountCell.value += 60;
    const name = `城关街道低保花名册（${month}）.xlsx`;
    await commit('chengguan', name, Buffer.from(await chengguan.xlsx.writeBuffer()), 'dibao', '城关街道', 'reconcile');
    batches += 1;
  }

  // 青山镇's 低保 roster as it often arrives: an ID typed as a number, a name left out, an amount in words,
  // and a newly reported household whose ID has a wrong check digit — to preview, send back and fix.
  const qingshan = new ExcelJS.Workbook();
  await qingshan.xlsx.load((await rosterFileOf('qingshan', 'dibao', '青山镇')) as unknown as ExcelJS.Buffer);
  const qs = rosterSheet(qingshan);
  if (qs.dataRows.length >= 3) {
    const [a, b, c] = qs.dataRows;
    const id = qs.ws.getCell(a!, qs.col['身份证号码']!);
    id.value = Number(String(id.value));
    qs.ws.getCell(b!, qs.col['姓名']!).value = null;
    const amount = qs.ws.getCell(c!, qs.col['月保障金额（元）']!);
    if (typeof amount.value === 'number') amount.value = `${amount.value}元`;
    const newcomer = people.person({ bornFrom: 1960, bornTo: 1980 });
    const wrongCheck = newcomer.idNumber.slice(0, 17) + (newcomer.idNumber[17] === '1' ? '2' : '1');
    const last = qs.ws.getRow(qs.dataRows[qs.dataRows.length - 1]!);
    const row = qs.ws.insertRow(last.number + 1, []);
    const set = (header: string, value: ExcelJS.CellValue) => {
      if (qs.col[header]) row.getCell(qs.col[header]).value = value;
    };
    set('序号', qs.dataRows.length + 1);
    set('乡镇（街道）', '青山镇');
    set('村（社区）', '石桥村');
    set('户主姓名', newcomer.name);
    set('家庭人口', 1);
    set('保障人数', 1);
    set('月保障金额（元）', 480);
    set('姓名', newcomer.name);
    set('性别', newcomer.sex === 'male' ? '男' : '女');
    set('身份证号码', wrongCheck);
    set('与户主关系', '户主');
    set('出生日期', newcomer.birthDate);
  }
  keep(`青山镇低保花名册（${month}）.xlsx`, Buffer.from(await qingshan.xlsx.writeBuffer()));
  keep(`梅溪乡高龄津贴新增名单（${month}）.csv`, elderlyCsv(6));
  return { batches, files };
}

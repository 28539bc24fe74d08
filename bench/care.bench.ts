/**
 * Overdue-visit lists for a county with 50,000 children and five years of visits (about 1.2 million visit
 * records), target under 200 ms for the county list and a township's. Printed against a hand-written SQL
 * that selects the same overdue children's ids through the same index, in the same run.
 */
import { addDays, addMonthsToDate } from '../src/shared/domain/dates';
import { CHILD_CATEGORIES, DEFAULT_VISIT_POLICY, GUARDIANSHIPS, nextVisitDue, visitIntervalMonths } from '../src/shared/domain/care';
import { visitsDue } from '../src/main/care/visits.service';
import { SeededRandom } from '../src/main/demo/random';
import { median, report } from './measure';
import { benchLedger } from './bench-ledger';

const CHILDREN = 50_000;
const TODAY = '2026-11-20';
const FIRST = '2021-11-20';

export async function benchCare(): Promise<boolean> {
  console.log(`\n## 探视巡访提醒：${CHILDREN.toLocaleString()} 名儿童，五年探访记录`);
  const { backend, db, townships, dispose } = await benchLedger('care', 20);
  try {
    const raw = backend.store.rawDatabase();
    const adminId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const rng = new SeededRandom(2026);
    const now = new Date().toISOString();
    const insertH = raw.prepare("insert into households (id, township_id, village_id, address, hukou_type, phone, head_person_id, created_at, updated_at) values (?, ?, null, '', 'rural', null, ?, ?, ?)");
    const insertP = raw.prepare("insert into persons (id, household_id, relation, id_number, name, sex, birth_date, created_at, updated_at) values (?, ?, 'son', ?, '某某', 'male', ?, ?, ?)");
    const insertD = raw.prepare('insert into child_directors (id, township_id, village_id, name, phone, active, created_at, updated_at) values (?, ?, null, ?, null, 1, ?, ?)');
    const insertC = raw.prepare(
      `insert into children (person_id, category, cause, guardianship, guardian_name, director_id, opened_on, last_visited_on, next_due_on, created_at, updated_at)
       values (?, ?, null, ?, '监护人', ?, ?, ?, ?, ?, ?)`,
    );
    const insertV = raw.prepare("insert into child_visits (id, child_id, visited_on, kind, visitor, findings, needs, follow_up, recorded_by, recorded_at) values (?, ?, ?, 'home', '儿童主任', '情况正常', null, null, ?, ?)");
    let visits = 0;
    raw.transaction(() => {
      for (let d = 0; d < 400; d++) insertD.run(`D${d}`, townships[d % townships.length]!, `主任${d}`, now, now);
      for (let i = 0; i < CHILDREN; i++) {
        const hid = `H${i}`;
        const pid = `P${i}`;
        insertH.run(hid, townships[i % townships.length]!, pid, now, now);
        insertP.run(pid, hid, `ID${i}`, `20${String(rng.int(10, 24)).padStart(2, '0')}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`, now, now);
        const category = CHILD_CATEGORIES[rng.int(0, CHILD_CATEGORIES.length - 1)]!;
        const guardianship = GUARDIANSHIPS[rng.int(0, GUARDIANSHIPS.length - 1)]!;
        const months = visitIntervalMonths(DEFAULT_VISIT_POLICY, category, guardianship);
        const opened = addDays(FIRST, rng.int(0, 365 * 4));
        // Visits at the interval, a few days late or early, with one in ten files falling behind lately.
        const dates: string[] = [];
        const stopAt = rng.chance(0.1) ? addDays(TODAY, -rng.int(60, 200)) : TODAY;
        for (let on = addMonthsToDate(opened, months); on <= stopAt; on = addMonthsToDate(on, months)) {
          const visited = addDays(on, rng.int(-5, 5));
          if (visited > TODAY) break;
          dates.push(visited);
        }
        const last = dates.at(-1) ?? null;
        insertC.run(pid, category, guardianship, `D${(i % 20) + 20 * rng.int(0, 19)}`, opened, last, nextVisitDue(DEFAULT_VISIT_POLICY, { category, guardianship, lastVisitedOn: last, openedOn: opened }), now, now);
        for (const visited of dates) insertV.run(`V${visits++}`, pid, visited, adminId, now);
      }
    })();
    raw.pragma('optimize');
    console.log(`探访记录 ${visits.toLocaleString()} 条`);

    const viewer = { seesRecords: true, today: TODAY };
    const county = { kind: 'county' as const };
    const baselineSql = raw.prepare('select person_id from children where closed_on is null and next_due_on <= ?');
    const soon = addDays(TODAY, DEFAULT_VISIT_POLICY.dueSoonDays);
    const baseline = await median(5, () => void baselineSql.all(soon));
    let totals = '';
    const countyList = await median(5, async () => {
      const r = await visitsDue(db, {}, county, viewer);
      totals = `逾期 ${r.overdueTotal.toLocaleString()} 人、近期待访 ${r.dueSoonTotal.toLocaleString()} 人（各列出最紧急的 ${r.overdue.length} 人）`;
    });
    const township = await median(5, async () => void (await visitsDue(db, {}, { kind: 'township', townshipId: townships[3]! }, viewer)));
    console.log(`全县${totals}`);
    report('全县探访提醒', countyList, '一条手写 SQL（同一索引）', baseline);
    report('一个乡镇的探访提醒', township, '一条手写 SQL（同一索引）', baseline);
    const ok = countyList < 200 && township < 200;
    console.log(`全县 ${countyList.toFixed(0)} ms，乡镇 ${township.toFixed(0)} ms（目标 < 200 ms：${ok ? '达到' : '未达到'}）`);
    return ok;
  } finally {
    await dispose();
  }
}

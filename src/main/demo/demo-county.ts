/**
 * `doudi demo`: a ledger filled with a synthetic county so a newcomer can look around at once — townships
 * and villages, staff of every role, a few hundred households. Everything goes through the same services
 * a clerk's actions do, so the demo's audit log and rules are the real ones.
 */
import path from 'node:path';
import type { Backend } from '../app/backend';
import type { Actor } from '../audit/audit.service';
import { authenticate, setupLedger } from '../auth/auth.service';
import { saveTownship, saveVillage } from '../regions/regions.service';
import { createUser } from '../users/users.service';
import { registerHouseholds, type HouseholdInput, type MemberInput } from '../households/households.service';
import type { Role } from '../../shared/domain/roles';
import type { Relation } from '../../shared/domain/household';
import { DEMO_COUNTY, DEMO_TOWNSHIPS } from './demo-regions';
import { PeopleGenerator } from './synthetic-people';
import { enrollDemoCounty } from './demo-enrollments';
import { demoCases } from './demo-cases';
import { demoHistory } from './demo-history';
import { demoImports, type DemoImports } from './demo-imports';
import { demoCare } from './demo-care';
import { demoCareCases } from './demo-care-cases';
import { demoElderly, type DemoElderly } from './demo-elderly';
import { demoVagrant } from './demo-vagrant';
import { demoReferrals } from './demo-referrals';
import { demoBackup } from './demo-backup';

/** Beside the demo ledger, for the demo only. */
export const DEMO_BACKUP_FOLDER = '演示备份';

export interface DemoResult {
  users: { username: string; role: Role; township: string | null }[];
  households: number;
  persons: number;
  enrollments: number;
  cases: number;
  imports: DemoImports;
  care: { children: number; visits: number; cases: number };
  elderly: DemoElderly;
  vagrant: { rescues: number; inStation: number };
  referrals: { organisations: number; referrals: number };
  backup: { folder: string; fileName: string };
  recoveryCode: string;
}

const DEMO_STAFF: { username: string; displayName: string; role: Role; township?: number }[] = [
  { username: 'reviewer', displayName: '县级审核员（演示）', role: 'county_reviewer' },
  { username: 'clerk', displayName: '县级经办员（演示）', role: 'county_clerk' },
  { username: 'manager', displayName: '分管领导（演示）', role: 'manager' },
  { username: 'chengguan', displayName: '城关街道经办员（演示）', role: 'township_clerk', township: 0 },
  { username: 'qingshan', displayName: '青山镇经办员（演示）', role: 'township_clerk', township: 1 },
  { username: 'baishui', displayName: '白水镇经办员（演示）', role: 'township_clerk', township: 2 },
  { username: 'meixi', displayName: '梅溪乡经办员（演示）', role: 'township_clerk', township: 3 },
];

/** A household of one to five: a head, maybe a spouse, children, an elderly parent, a grandchild. */
function demoMembers(people: PeopleGenerator): MemberInput[] {
  const rng = people.rng;
  const elderly = rng.chance(0.3);
  const head = people.person({ bornFrom: elderly ? 1930 : 1960, bornTo: elderly ? 1955 : 1995 });
  const surname = head.name.startsWith('欧阳') || head.name.startsWith('司马') ? head.name.slice(0, 2) : head.name[0]!;
  const members: MemberInput[] = [{ name: head.name, idNumber: head.idNumber, relation: 'self' }];
  const add = (relation: Relation, p: ReturnType<PeopleGenerator['person']>) => members.push({ name: p.name, idNumber: p.idNumber, relation });
  const headYear = Number(head.birthDate.slice(0, 4));
  if (rng.chance(0.6)) add('spouse', people.person({ sex: head.sex === 'male' ? 'female' : 'male', bornFrom: headYear - 4, bornTo: headYear + 4 }));
  const children = elderly ? 0 : rng.int(0, 3);
  for (let i = 0; i < children; i++) {
    const sex = rng.chance(0.5) ? 'male' : 'female';
    add(sex === 'male' ? 'son' : 'daughter', people.person({ sex, surname, bornFrom: Math.max(headYear + 20, 1990), bornTo: Math.min(headYear + 40, 2022) }));
  }
  if (!elderly && rng.chance(0.2)) add('parent', people.person({ bornFrom: headYear - 35, bornTo: headYear - 20 }));
  if (elderly && rng.chance(0.4)) add('grandchild', people.person({ surname, bornFrom: 2010, bornTo: 2020 }));
  return members;
}

/** `filesFolder`: where the townships' sample rosters are left for trying 导入导出; `backupFolder`: where its backups go. */
export async function createDemoCounty(backend: Backend, password: string, filesFolder: string, householdCount = 320, backupFolder = path.join(path.dirname(filesFolder), DEMO_BACKUP_FOLDER)): Promise<DemoResult> {
  const { recoveryCode, adminId } = await setupLedger(backend, {
    countyName: DEMO_COUNTY.name,
    countyCode: DEMO_COUNTY.code,
    adminUsername: 'admin',
    adminDisplayName: '系统管理员',
    adminPassword: password,
  });
  await authenticate(backend, 'admin', password);
  const admin: Actor = { userId: adminId, username: 'admin' };
  // Demo staff share the administrator's password and need not change it: they exist to be looked at.
  const demoActor: Actor = { userId: null, username: 'demo' };
  const db = backend.store.db;
  const at = backend.clock.now();
  const townships: { id: string; name: string; villages: string[]; urban: boolean }[] = [];
  for (const t of DEMO_TOWNSHIPS) {
    const code = DEMO_COUNTY.code + t.suffix;
    const saved = await saveTownship(db, admin, at, { code, name: t.name, active: true });
    const villageIds: string[] = [];
    for (const v of t.villages) {
      villageIds.push((await saveVillage(db, admin, at, { townshipId: saved.id, code: code + v.suffix, name: v.name, kind: v.kind, active: true })).id);
    }
    townships.push({ id: saved.id, name: t.name, villages: villageIds, urban: t.name.endsWith('街道') });
  }
  const users: DemoResult['users'] = [{ username: 'admin', role: 'admin', township: null }];
  for (const s of DEMO_STAFF) {
    const township = s.township === undefined ? null : townships[s.township]!;
    await createUser(backend, demoActor, { username: s.username, displayName: s.displayName, role: s.role, townshipId: township?.id ?? null, password });
    users.push({ username: s.username, role: s.role, township: township?.name ?? null });
  }
  const people = new PeopleGenerator(20261122, DEMO_COUNTY.code);
  const households: HouseholdInput[] = [];
  for (let i = 0; i < householdCount; i++) {
    const t = people.rng.pick(townships);
    const villageIndex = people.rng.int(0, t.villages.length - 1);
    households.push({
      townshipId: t.id,
      villageId: t.villages[villageIndex]!,
      address: `${t.name}${DEMO_TOWNSHIPS.find((d) => d.name === t.name)!.villages[villageIndex]!.name}${people.rng.int(1, 60)}号`,
      hukouType: t.urban ? 'urban' : 'rural',
      phone: people.rng.chance(0.7) ? `1${people.rng.pick(['3', '5', '7', '8'])}${String(people.rng.int(0, 999999999)).padStart(9, '0')}` : null,
      members: demoMembers(people),
    });
  }
  await registerHouseholds(db, admin, at, households, { reason: '建账：录入原有保障对象家庭' });
  const enrollments = await enrollDemoCounty(db, admin, at, people.rng, townships.map((t) => t.id), (id) => townships.find((t) => t.id === id)?.villages[0] ?? null);
  const past = await demoHistory(db, at, people.rng);
  const cases = past + (await demoCases(db, at, people.rng));
  const imports = await demoImports(db, at, people, filesFolder);
  const care = await demoCare(db, at, people, people.rng);
  const careCases = await demoCareCases(db, at);
  const elderly = await demoElderly(db, at, people, people.rng);
  const vagrant = await demoVagrant(db, at);
  const referrals = await demoReferrals(db, at, people.rng);
  const totals = await db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const householdTotal = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // Last, so the backup holds the whole demo county.
  const backup = await demoBackup(backend, admin, backupFolder);
  await backend.store.close();
  return { users, households: Number(householdTotal.n), persons: Number(totals.n), enrollments, cases, imports, care: { ...care, cases: careCases }, elderly, vagrant, referrals, backup, recoveryCode };
}

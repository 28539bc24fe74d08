/**
 * Every contract method × every role × own and other township, on a small demo county. A role outside the
 * method's `access.roles` is refused (FORBIDDEN); a township role asking about another township's record is
 * refused (FORBIDDEN or NOT_FOUND) and never answered with that township's data; the allowed call in one's own
 * township is not refused. A refused call changes nothing: neither the connection's change counter nor the
 * audit head moves. Inputs come from each method's schema (tests/fixtures/schema-samples.ts), with real
 * entities of the chosen township in the id-like fields (tests/fixtures/probe-county.ts); a new method is
 * probed as soon as it is in the contract. PROBE_DEBUG=1 prints every probe's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src/shared/api/contract';
import { ROLES, isTownshipBound, type Role } from '../../src/shared/domain/roles';
import type { Session } from '../../src/main/rpc/sessions';
import { ENDS_SESSION, METHODS, OTHER_TOWNSHIP, OWN_TOWNSHIP, RUN_LAST, createProbeCounty, entityKindOf, mayCall, upload, wireErrorProblem, type ProbeCounty } from '../fixtures/probe-county';
import { SeededRandom, fieldNames, sampleOf, seedOf } from '../fixtures/schema-samples';

/** Methods not probed, and why. Everything else in the contract is. */
const NOT_PROBED: Partial<Record<MethodName, string>> = {
  'setup.create': 'public and for a ledger not yet made: an initialised ledger refuses it to anyone (access-and-audit.test.ts)',
  'auth.login': 'public; takes credentials, not records: every session of this test signs in through it',
  'auth.recover': 'public; takes the recovery code, not records; its wrong guesses feed the one recovery throttle of the county',
};

/**
 * FORBIDDEN answers to a permitted role in its own township that come from a workflow rule, not from scope:
 * by method, the rule's message. Any other FORBIDDEN of a permitted call is a failure.
 */
const RULE_REFUSALS: Partial<Record<MethodName, RegExp>> = {
  // The first step of each workflow names the roles that may open it (e.g. a manager opens no 低保 application).
  'cases.start': /^您的角色不能受理“/,
  // 建账 (initial load) and its undo are the administrator's alone.
  'imports.commit': /^建账导入只能由系统管理员进行/,
  'imports.undo': /^建账批次只能由系统管理员撤销$/,
};

/**
 * Which township each id-like field of the input is filled from: all the caller's own, all the other
 * township's, none where optional (the township left out), or one field from the other township among own ones.
 */
type Variant = { kind: 'no township' | 'own' | 'other' | 'left out' | 'one foreign'; key?: string; townshipFor: (key: string) => string | undefined };

function variantsOf(method: MethodName, role: Role, allowed: boolean, c: ProbeCounty): Variant[] {
  const input = contract[method].input;
  const keys = [...fieldNames(input)].filter((k) => entityKindOf(method, k) !== null);
  if (keys.length === 0) return [{ kind: 'no township', townshipFor: () => c.own }];
  const variants: Variant[] = [
    { kind: 'own', townshipFor: () => c.own },
    { kind: 'other', townshipFor: () => c.other },
  ];
  if (!allowed || !isTownshipBound(role)) return variants;
  // Optional ids and township left out: the handler must narrow to the caller's township by itself.
  if ([...fieldNames(input, { optionalOnly: true })].some((k) => keys.includes(k))) variants.push({ kind: 'left out', townshipFor: () => undefined });
  // One foreign record among the caller's own: each id-like field in turn from the other township.
  if (keys.length > 1) {
    for (const key of keys) variants.push({ kind: 'one foreign', key, townshipFor: (k) => (k === key ? c.other : k === 'townshipId' ? undefined : c.own) });
  }
  return variants;
}

let c: ProbeCounty;
beforeAll(async () => {
  c = await createProbeCounty(40);
}, 120_000);
afterAll(async () => {
  await c?.dispose();
});

const probed = METHODS.filter((m) => !(m in NOT_PROBED));

describe('holes the matrix found, kept closed', () => {
  it("answers a township clerk's batch action on another township's case without that case's number", async () => {
    const clerk = c.sessions.get('township_clerk')!;
    const caseId = c.pools.case(c.other)[0]!;
    const version = (c.backend.store.rawDatabase().prepare('select version from cases where id = ?').get(caseId) as { version: number }).version;
    const { results } = await c.call(clerk, 'cases.batchAct', { items: [{ caseId, version }], action: 'approve', opinion: '同意办理' });
    expect(results).toEqual([expect.objectContaining({ caseId, caseNo: '', ok: false, message: '只能办理本乡镇（街道）的案件' })]);
  });

  it("lists none of another township's households as missing when a township clerk previews that township's roster", async () => {
    const clerk = c.sessions.get('township_clerk')!;
    const uploadId = upload(clerk, `${OTHER_TOWNSHIP}低保花名册.xlsx`, c.rosters.get(c.other)!.data, c.clock.now().getTime());
    const preview = await c.call(clerk, 'imports.preview', { uploadId, purpose: 'reconcile' });
    expect(preview.problems.some((p) => p.code === 'township_mismatch')).toBe(true);
    const theirs = new Set(c.pools.household(c.other));
    expect(preview.differences.filter((d) => d.householdId !== null && theirs.has(d.householdId))).toEqual([]);
    const ours = new Set(c.pools.household(c.own));
    expect(preview.differences.every((d) => d.householdId === null || ours.has(d.householdId))).toBe(true);
  });

  it('refuses, with the reason, to undo a 建账 batch whose people have survival checks, instead of failing inside', async () => {
    const raw = c.backend.store.rawDatabase();
    const batch = raw.prepare("select id from import_batches where purpose = 'initial_load' and status = 'committed' and township_id = ?").get(c.other) as { id: string };
    const person = raw.prepare('select id from persons where import_batch_id = ? order by id').get(batch.id) as { id: string };
    if (!raw.prepare('select 1 from survival_checks where person_id = ?').get(person.id)) {
      await c.call(c.sessions.get('county_clerk')!, 'elderly.survival.record', { personId: person.id, period: '2026-H2', checkedOn: '2026-11-20', method: 'home', result: 'alive' });
    }
    const digest = c.ledgerDigest();
    const refused = await c.failure(c.admin, 'imports.undo', { batchId: batch.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^该批次导入后已有后续业务，不能撤销：.*人已有生存认证记录/);
    expect(c.ledgerDigest()).toBe(digest);
  });
});

describe('access matrix over the whole contract', () => {
  it('probes every method but the listed ones', () => {
    for (const m of Object.keys(NOT_PROBED)) expect(METHODS).toContain(m);
    expect(probed).toEqual(METHODS.filter((m) => NOT_PROBED[m] === undefined));
    expect(probed.length).toBeGreaterThan(100);
  });

  it('refuses roles without access and other townships, answers the allowed call, and a refusal changes nothing', async () => {
    const problems: string[] = [];
    const order = [...probed.filter((m) => !RUN_LAST.has(m)), ...probed.filter((m) => RUN_LAST.has(m))];
    // Township roles first: county probes change records (close a file, move a case) the scope check must not depend on.
    const roles = [...ROLES].sort((a, b) => Number(isTownshipBound(b)) - Number(isTownshipBound(a)));
    let calls = 0;
    let crossings = 0;
    const markers = c.markersOutside(c.own);

    for (const method of order) {
      const def = contract[method];
      for (const role of roles) {
        const allowed = mayCall(method, role);
        const bound = isTownshipBound(role);
        for (const variant of variantsOf(method, role, allowed, c)) {
          const where = `${method} as ${role} (${variant.kind}${variant.key ? ` ${variant.key}` : ''})`;
          let session: Session = ENDS_SESSION.has(method) ? await c.signIn(role) : c.sessions.get(role)!;
          const { pick, handedIn } = c.pickFor(method, session, variant.townshipFor);
          const input = sampleOf(def.input, { rng: new SeededRandom(seedOf(where)), pick });
          const valid = def.input.safeParse(input);
          if (!valid.success) problems.push(`${where}: the sample input is not valid (${JSON.stringify(valid.error.issues[0])}); teach schema-samples or probe-county`);

          const before = c.ledgerState();
          const result = await c.router.call(session, method, input);
          const after = c.ledgerState();
          calls += 1;
          if (process.env.PROBE_DEBUG) console.log(`probe ${where}: ${result.ok ? 'ok' : `${result.error.code} ${result.error.message}`}`);
          if (variant.kind === 'left out' || variant.kind === 'one foreign') crossings += 1;
          const code = result.ok ? 'ok' : result.error.code;
          const said = result.ok ? 'ok' : `${result.error.code} ${result.error.message}`;

          if (!result.ok) {
            const problem = wireErrorProblem(result.error);
            if (problem) problems.push(`${where}: ${problem}${result.error.code === 'INTERNAL' ? ` — ${c.internals.at(-1)}` : ''}`);
            if ((code === 'FORBIDDEN' || code === 'NOT_FOUND') && after !== before) problems.push(`${where}: refused (${said}) yet the ledger changed`);
          }
          if (!allowed) {
            if (code !== 'FORBIDDEN') problems.push(`${where}: role without access got ${said}`);
          } else {
            if (bound && result.ok) {
              // What the caller sent (ids, an uploaded roster) may come back; anything else of another township may not.
              const text = JSON.stringify(result.data);
              const sent = `${JSON.stringify(input)}\n${handedIn()}`;
              const leak = markers.find((m) => text.includes(m) && !sent.includes(m));
              if (leak) problems.push(`${where}: the answer carries another township's data (${leak}): ${text.slice(0, 300)}`);
            }
            if (!bound || variant.kind === 'own' || variant.kind === 'no township' || variant.kind === 'left out') {
              const rule = RULE_REFUSALS[method];
              if (code === 'FORBIDDEN' && !(rule && !result.ok && rule.test(result.error.message))) problems.push(`${where}: the allowed call was refused: ${said}`);
            } else if (variant.kind === 'other') {
              if (result.ok ? after !== before : code !== 'FORBIDDEN' && code !== 'NOT_FOUND') problems.push(`${where}: another township's record got ${said}`);
            } else if (result.ok && after !== before) {
              problems.push(`${where}: wrote with another township's ${variant.key}: ${said}`);
            }
          }

          // A probe must not end or lock the session the next probes use.
          if (!ENDS_SESSION.has(method) && (!session.user || session.locked)) {
            problems.push(`${where}: ended or locked the caller's session`);
            session = await c.signIn(role);
            c.sessions.set(role, session);
          }
        }
      }
    }

    console.log(
      `access matrix: ${probed.length} methods × ${ROLES.length} roles × own/other township (${OWN_TOWNSHIP}/${OTHER_TOWNSHIP}; once for methods without one) = ` +
        `${calls - crossings} calls, plus ${crossings} township-clerk calls with ids left out or one foreign id; ${Object.keys(NOT_PROBED).length} public methods not probed (listed)`,
    );
    expect(problems).toEqual([]);
  }, 120_000);
});

/**
 * Opens end-to-end ledgers as their administrator and prints, as JSON on stdout (never to a file), the ID
 * numbers and full names of the people in them: household members, guardians, contacts, rescued people,
 * and the ID numbers in the change history (people deleted during the run). Run by global-teardown.ts:
 *   node --import tsx tests/e2e/ledger-identifiers.ts DATA_DIR...   (DOUDI_E2E_PASSWORDS: JSON folder -> password)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src/main/app/create-backend';
import { silentLogger } from '../../src/main/app/log';
import { LEDGER_FILE, ENVELOPE_FILE } from '../../src/main/db/ledger-store';
import { KNOWN_PASSWORDS } from './run-folders';

export interface LedgerIdentifiers {
  /** `reason`: the error code of the last failed sign-in, for a ledger that stayed shut. */
  ledgers: { folder: string; state: 'opened' | 'empty' | 'locked'; people: number; reason?: string }[];
  idNumbers: string[];
  names: string[];
}

const ID_NUMBER = /^\d{17}[\dXx]$/;

/** Every ID number in a JSON snapshot of the change history, whatever its key. */
function idNumbersIn(json: string | null, out: Set<string>): void {
  if (!json) return;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (ID_NUMBER.test(value)) out.add(value.toUpperCase());
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  try {
    visit(JSON.parse(json));
  } catch {
    // Not JSON: nothing to take.
  }
}

/** The ledger's people, added to `ids` and `names`; `people` counts the ID numbers this ledger holds. */
async function readLedger(dataDir: string, passwords: string[], allIds: Set<string>, names: Set<string>): Promise<LedgerIdentifiers['ledgers'][number]> {
  const folder = path.basename(dataDir);
  if (!fs.existsSync(path.join(dataDir, LEDGER_FILE)) || !fs.existsSync(path.join(dataDir, ENVELOPE_FILE))) return { folder, state: 'empty', people: 0 };
  const envelope = JSON.parse(fs.readFileSync(path.join(dataDir, ENVELOPE_FILE), 'utf8')) as { users: Record<string, { wrapped: unknown }> };
  const usernames = Object.keys(envelope.users).filter((u) => envelope.users[u]?.wrapped);
  usernames.sort((a, b) => Number(b === 'admin') - Number(a === 'admin'));
  const { backend, sessions, router } = createBackend({ dataDir, log: silentLogger });
  let reason = 'NO_ACCOUNT';
  try {
    for (const username of usernames) {
      for (const password of passwords) {
        const login = await router.call(sessions.create(), 'auth.login', { username, password });
        if (!login.ok) {
          reason = login.error.code;
          continue;
        }
        const db = backend.store.db;
        const ids = new Set<string>();
        for (const p of await db.selectFrom('persons').select(['id_number', 'name']).execute()) {
          ids.add(p.id_number.toUpperCase());
          names.add(p.name);
        }
        for (const c of await db.selectFrom('children').select(['guardian_name', 'guardian_id_number', 'pairing_name']).execute()) {
          if (c.guardian_id_number) ids.add(c.guardian_id_number.toUpperCase());
          if (c.guardian_name) names.add(c.guardian_name);
          if (c.pairing_name) names.add(c.pairing_name);
        }
        for (const r of await db.selectFrom('vagrant_rescues').select(['name', 'id_number']).execute()) {
          if (r.id_number) ids.add(r.id_number.toUpperCase());
          if (r.name) names.add(r.name);
        }
        for (const e of await db.selectFrom('elders').select(['contact_name']).execute()) if (e.contact_name) names.add(e.contact_name);
        for (const a of await db.selectFrom('audit_log').select(['before_json', 'after_json']).execute()) {
          idNumbersIn(a.before_json, ids);
          idNumbersIn(a.after_json, ids);
        }
        ids.forEach((id) => allIds.add(id));
        return { folder, state: 'opened', people: ids.size };
      }
    }
    return { folder, state: 'locked', people: 0, reason };
  } finally {
    await backend.store.close();
  }
}

async function main(): Promise<void> {
  const recorded = JSON.parse(process.env.DOUDI_E2E_PASSWORDS ?? '{}') as Record<string, string>;
  const ids = new Set<string>();
  const names = new Set<string>();
  const ledgers: LedgerIdentifiers['ledgers'] = [];
  for (const dataDir of process.argv.slice(2)) {
    const own = recorded[path.basename(dataDir)];
    const passwords = [...new Set([...(own ? [own] : []), ...KNOWN_PASSWORDS])];
    ledgers.push(await readLedger(dataDir, passwords, ids, names));
  }
  const out: LedgerIdentifiers = { ledgers, idNumbers: [...ids], names: [...names] };
  process.stdout.write(JSON.stringify(out));
}

void main().catch((err: unknown) => {
  // The class and code only: a driver's message might quote data.
  const code = (err as { code?: unknown } | null)?.code;
  console.error(`${err instanceof Error ? err.name : 'error'}${typeof code === 'string' ? ` (${code})` : ''}`);
  process.exit(1);
});

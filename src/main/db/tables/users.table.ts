import type { Generated } from 'kysely';

/**
 * Staff accounts. No password material lives here: a password is checked by unwrapping that user's copy
 * of the ledger key in the key envelope (see auth/key-envelope.ts).
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  township_id: string | null;
  active: Generated<number>;
  must_change_password: Generated<number>;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

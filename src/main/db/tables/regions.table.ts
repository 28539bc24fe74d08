import type { Generated } from 'kysely';

export interface TownshipsTable {
  id: string;
  code: string;
  name: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VillagesTable {
  id: string;
  township_id: string;
  code: string;
  name: string;
  /** 'village' (村) or 'community' (社区). */
  kind: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

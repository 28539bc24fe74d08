/** Households (户) and persons (一人一档). A person belongs to at most one household. */
export interface HouseholdsTable {
  id: string;
  township_id: string;
  village_id: string | null;
  address: string;
  hukou_type: string;
  phone: string | null;
  head_person_id: string | null;
  bank_name: string | null;
  bank_account: string | null;
  notes: string | null;
  /** The 建账 batch that registered the household, while it can be undone; null when entered by hand. */
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonsTable {
  id: string;
  household_id: string | null;
  relation: string | null;
  id_number: string;
  name: string;
  sex: string;
  birth_date: string;
  ethnicity: string | null;
  disability_category: string | null;
  disability_grade: number | null;
  self_care: string | null;
  health: string | null;
  school_status: string | null;
  notes: string | null;
  /** Pinyin initials of the name (张三 -> zs), for search. */
  name_initials: string | null;
  /** The ID number reversed, so "ends with" searches use an index. */
  id_rev: string | null;
  /** Recorded by a confirmed change case (户主死亡). */
  deceased_on: string | null;
  /** The 建账 batch that registered the person; null when entered by hand. */
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Households (户) and persons (一人一档). A person belongs to at most one household. */
export interface HouseholdsTable {
  id: string;
  township_id: string;
  village_id: string | null;
  address: string;
  hukou_type: string;
  phone: string | null;
  head_person_id: string | null;
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
  created_at: string;
  updated_at: string;
}

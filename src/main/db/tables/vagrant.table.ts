/** Rescue records of people found homeless or begging (流浪乞讨人员救助, migration 0011). */
export interface VagrantRescuesTable {
  id: string;
  /** JZ + year of admission + '-' + four digits, counted per year. */
  rescue_no: string;
  /** Where the person was found: the statistical form counts the rescue in this township. */
  township_id: string;
  found_on: string;
  found_place: string;
  /** A FoundBy: police, urban_mgmt, public, patrol, self, other. */
  found_by: string;
  identity_known: number;
  /** Null when the identity is unknown. */
  name: string | null;
  /** Null, or a number with a valid check character. */
  id_number: string | null;
  sex: string;
  /** For someone without a known birth date. */
  estimated_age: number | null;
  /** 体貌特征. */
  description: string | null;
  native_place: string | null;
  admitted_on: string;
  /** Null while the person is in the station. */
  left_on: string | null;
  /** JSON array of RescueService codes. */
  services: string;
  /** A RescueOutcome; null while in the station. */
  outcome: string | null;
  /** Required for escorted_home and transferred. */
  destination: string | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

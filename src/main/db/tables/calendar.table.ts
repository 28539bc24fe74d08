/** Days that differ from the normal week: official or local days off, and weekend working days (调休). */
export interface CalendarDaysTable {
  date: string;
  kind: string;
  name: string;
  source: string;
  updated_by: string | null;
  updated_at: string;
}

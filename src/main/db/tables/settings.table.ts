/** Key/value settings of the county ledger (county name and code, idle lock minutes, ledger id). */
export interface SettingsTable {
  key: string;
  value: string;
}

/** Dates and offices as official documents write them. */

/** 'YYYY-MM-DD' (or an ISO instant) as 2026年3月2日; anything else is shown as it is. */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** 'YYYY-MM' as 2026年4月. */
export function chineseMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月` : value;
}

/** The government of a township (乡、镇 人民政府; 街道 办事处). */
export function townshipOffice(townshipName: string): string {
  return townshipName.endsWith('街道') ? `${townshipName}办事处` : `${townshipName}人民政府`;
}

/** The office that issues a decision taken at this level: the county's civil-affairs bureau or the township. */
export function issuingOffice(level: 'township' | 'county', countyName: string, townshipName: string): string {
  return level === 'county' ? `${countyName}民政局` : townshipOffice(townshipName);
}

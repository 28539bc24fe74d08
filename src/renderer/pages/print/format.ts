/** Dates and offices as official documents write them. */

export { chineseDate, chineseMonth } from '../../../shared/domain/dates';

/** The government of a township (乡、镇 人民政府; 街道 办事处). */
export function townshipOffice(townshipName: string): string {
  return townshipName.endsWith('街道') ? `${townshipName}办事处` : `${townshipName}人民政府`;
}

/** The office that issues a decision taken at this level: the county's civil-affairs bureau or the township. */
export function issuingOffice(level: 'township' | 'county', countyName: string, townshipName: string): string {
  return level === 'county' ? `${countyName}民政局` : townshipOffice(townshipName);
}

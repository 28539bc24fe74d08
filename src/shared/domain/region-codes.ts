/**
 * Administrative codes: county 6 digits (GB/T 2260), township 9 (county + 3), village 12 (township + 3).
 * National lists stop at county level; the county keeps its own township/village list, so we only check
 * shape and nesting, never whether a code is "current".
 */
export const COUNTY_CODE = /^\d{6}$/;
export const TOWNSHIP_CODE = /^\d{9}$/;
export const VILLAGE_CODE = /^\d{12}$/;

export function townshipBelongsToCounty(townshipCode: string, countyCode: string): boolean {
  return TOWNSHIP_CODE.test(townshipCode) && townshipCode.startsWith(countyCode);
}

export function villageBelongsToTownship(villageCode: string, townshipCode: string): boolean {
  return VILLAGE_CODE.test(villageCode) && villageCode.startsWith(townshipCode);
}

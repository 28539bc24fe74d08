/** The problems an import finds in a row, each with a stable code, and the whole-file totals. */
export const ROW_PROBLEM_CODES = [
  'id_checksum',
  'id_length',
  'id_scientific_notation',
  'id_birthdate_invalid',
  'missing_required',
  'amount_not_number',
  'date_unparseable',
  'gender_mismatch_with_id',
  'relation_unknown',
  'household_without_head',
  'duplicate_in_file',
  'duplicate_in_ledger',
  'age_ineligible',
  'program_conflict',
  'region_unknown',
  'value_too_long',
  'category_unknown',
  'birthdate_mismatch_with_id',
  'account_invalid',
  'township_mismatch',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

export const ROW_PROBLEM_LABELS: Record<RowProblemCode, string> = {
  id_checksum: '身份证校验位错误',
  id_length: '身份证位数或字符错误',
  id_scientific_notation: '身份证成了科学计数法',
  id_birthdate_invalid: '身份证出生日期无效',
  missing_required: '必填项为空',
  amount_not_number: '金额不是数字',
  date_unparseable: '日期无法识别',
  gender_mismatch_with_id: '性别与身份证不符',
  relation_unknown: '与户主关系无法识别',
  household_without_head: '家庭没有户主',
  duplicate_in_file: '文件内重复',
  duplicate_in_ledger: '台账中已有此人',
  age_ineligible: '年龄不符合条件',
  program_conflict: '项目冲突',
  region_unknown: '区划台账中没有',
  value_too_long: '内容过长',
  category_unknown: '类别无法识别',
  birthdate_mismatch_with_id: '出生日期与身份证不符',
  account_invalid: '银行账号有误',
  township_mismatch: '不属于本乡镇',
};

export type Severity = 'error' | 'warning';

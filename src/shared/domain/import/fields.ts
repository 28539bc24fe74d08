/**
 * The fields an imported roster can fill, with the header words townships use for each. Household fields
 * are often merged down across a household's member rows; person fields are one per row.
 */
export const IMPORT_FIELD_KEYS = [
  'seq',
  'township',
  'village',
  'headName',
  'headIdNumber',
  'householdSize',
  'coveredCount',
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'age',
  'relation',
  'hukouType',
  'category',
  'amount',
  'startMonth',
  'address',
  'phone',
  'bankName',
  'bankAccount',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELD_KEYS)[number];

export interface ImportFieldDef {
  label: string;
  level: 'household' | 'person';
  synonyms: readonly string[];
}

export const IMPORT_FIELDS: Record<ImportField, ImportFieldDef> = {
  seq: { label: '序号', level: 'household', synonyms: ['序号', '编号', '户序号', '户编号', '序'] },
  township: { label: '乡镇（街道）', level: 'household', synonyms: ['乡镇', '乡镇街道', '乡镇(街道)', '街道', '乡(镇)', '所属乡镇', '镇', '乡镇名称'] },
  village: { label: '村（社区）', level: 'household', synonyms: ['村', '村社区', '村(社区)', '社区', '村居', '村委会', '所属村', '村(居)', '村组', '村名'] },
  headName: { label: '户主姓名', level: 'household', synonyms: ['户主姓名', '户主', '户主名字', '户主名称'] },
  headIdNumber: { label: '户主身份证号码', level: 'household', synonyms: ['户主身份证号', '户主身份证号码', '户主公民身份号码', '户主身份证', '户主证件号码'] },
  householdSize: { label: '家庭人口', level: 'household', synonyms: ['家庭人口', '家庭人口数', '户人口', '家庭人数', '人口数', '户籍人口'] },
  coveredCount: { label: '保障人数', level: 'household', synonyms: ['保障人数', '保障人口', '享受人数', '救助人数', '保障人口数', '享受人口'] },
  name: { label: '姓名', level: 'person', synonyms: ['姓名', '成员姓名', '家庭成员姓名', '保障对象姓名', '对象姓名', '老人姓名', '儿童姓名', '名字', '救助对象姓名'] },
  idNumber: {
    label: '身份证号码',
    level: 'person',
    synonyms: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '身份证', '证件号码', '身份证件号码', '成员身份证号码', '身份号码'],
  },
  sex: { label: '性别', level: 'person', synonyms: ['性别'] },
  birthDate: { label: '出生日期', level: 'person', synonyms: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'] },
  age: { label: '年龄', level: 'person', synonyms: ['年龄', '周岁', '年龄(岁)'] },
  relation: { label: '与户主关系', level: 'person', synonyms: ['与户主关系', '与户主的关系', '家庭关系', '关系', '成员关系', '与申请人关系'] },
  hukouType: { label: '户籍性质', level: 'household', synonyms: ['户籍性质', '户口性质', '户籍类别', '户口类别', '户别', '城乡类别', '户籍类型'] },
  category: {
    label: '类别',
    level: 'household',
    synonyms: ['类别', '保障类别', '供养方式', '供养形式', '救助类别', '儿童类别', '档次', '津贴档次', '保障类型', '对象类别', '分类', '供养类别', '城乡'],
  },
  amount: {
    label: '月保障金额（元）',
    level: 'household',
    synonyms: ['月保障金额', '保障金额', '保障金', '月保障金', '月救助金额', '补助金额', '发放金额', '月发放金额', '补差金额', '津贴金额', '金额', '月补助金额', '基本生活费', '供养金', '救助金额', '月人均补差', '月发放标准'],
  },
  startMonth: { label: '起始月份', level: 'household', synonyms: ['起始月份', '享受起始时间', '纳入时间', '批准时间', '保障起始时间', '开始时间', '起始时间', '纳入月份', '审批时间', '享受时间', '起保时间'] },
  address: { label: '家庭住址', level: 'household', synonyms: ['家庭住址', '住址', '地址', '家庭地址', '居住地址', '现住址', '详细地址'] },
  phone: { label: '联系电话', level: 'household', synonyms: ['联系电话', '电话', '手机', '手机号码', '联系方式', '电话号码'] },
  bankName: { label: '开户银行', level: 'household', synonyms: ['开户银行', '开户行', '银行名称', '发放银行', '代发银行'] },
  bankAccount: { label: '银行账号', level: 'household', synonyms: ['银行账号', '银行卡号', '账号', '一卡通账号', '存折账号', '社保卡号', '卡号', '一卡通号', '账户', '银行帐号', '帐号'] },
  notes: { label: '备注', level: 'household', synonyms: ['备注', '说明'] },
};

/** A header as compared: no white space or line breaks, ASCII parentheses, no unit in parentheses, no colon. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\((元|元\/月|元\/人|人|户|岁|年|月|单位[:：]?元)\)$/u, '')
    .replace(/[:：*＊]+$/u, '')
    .replace(/^[*＊]+/u, '');
}

const EXACT = new Map<string, ImportField>();
const BY_LENGTH: [string, ImportField][] = [];
for (const key of IMPORT_FIELD_KEYS) {
  for (const s of [IMPORT_FIELDS[key].label, ...IMPORT_FIELDS[key].synonyms]) {
    const n = normalizeHeader(s);
    if (!EXACT.has(n)) EXACT.set(n, key);
    BY_LENGTH.push([n, key]);
  }
}
BY_LENGTH.sort((a, b) => b[0].length - a[0].length);

/** The field a header names: an exact synonym, else the longest synonym it contains (2 characters or more). */
export function fieldOfHeader(text: string): { field: ImportField; exact: boolean } | null {
  const n = normalizeHeader(text);
  if (!n || n.length > 30) return null;
  const exact = EXACT.get(n);
  if (exact) return { field: exact, exact: true };
  for (const [s, key] of BY_LENGTH) if (s.length >= 2 && n.includes(s)) return { field: key, exact: false };
  return null;
}

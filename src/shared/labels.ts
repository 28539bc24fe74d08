/** zh-CN labels for enums and error codes, used by the UI, Excel and printed reports. */
import type { ErrorCode } from './api/errors';
import type { IdProblem } from './domain/id-number';
import type { Role } from './domain/roles';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  county_reviewer: '县级审核员',
  county_clerk: '县级经办员',
  township_clerk: '乡镇经办员',
  manager: '分管领导',
};

export const VILLAGE_KIND_LABELS = { village: '村', community: '社区' } as const;

/** Fallback messages per code, for the rare error that arrives without its own message. */
export const ERROR_LABELS: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查标红的字段',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  SESSION_LOCKED: '屏幕已锁定，请输入密码解锁',
  FORBIDDEN: '您无权执行此操作',
  NOT_FOUND: '要找的记录不存在',
  CONFLICT: '与已有记录冲突',
  WRONG_CREDENTIALS: '用户名或密码错误',
  USER_DISABLED: '该账户已停用，请联系系统管理员',
  WEAK_PASSWORD: '密码不符合要求',
  NOT_INITIALIZED: '尚未创建台账，请先完成初始设置',
  ALREADY_INITIALIZED: '台账已经创建',
  LEDGER_UNREADABLE: '台账文件无法打开',
  RATE_LIMITED: '尝试次数过多，请稍后再试',
  CANCELLED: '操作已取消，台账未作改动',
  IMPORT_REJECTED: '文件无法导入',
  BACKUP_REJECTED: '备份文件不能使用',
  UNKNOWN_METHOD: '系统不支持该操作',
  INTERNAL: '系统内部错误，请联系管理员',
};

/** Audit log action codes, as the audit page shows them; an unknown code is shown as it is. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'ledger.create': '创建台账',
  'auth.login': '登录',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.enable': '启用账户',
  'user.disable': '停用账户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'user.recover': '凭恢复码重设管理员密码',
  'township.create': '新增乡镇（街道）',
  'township.update': '修改乡镇（街道）',
  'village.create': '新增村（社区）',
  'village.update': '修改村（社区）',
  'settings.update': '修改系统设置',
  'backup.create': '备份台账',
  'backup.restore': '从备份恢复台账',
  'backup.policy': '修改备份设置',
  'household.register': '登记家庭',
  'household.update': '修改家庭信息',
  'person.update': '修改成员信息',
  'person.add': '添加家庭成员',
  'enrollment.initial_load': '建账录入在保记录',
  'household.import': '建账导入',
  'import.commit': '导入花名册',
  'import.undo': '撤销导入批次',
  'report.submit': '上报统计报表',
  'standard.create': '新增保障标准',
  'standard.correct': '更正保障标准',
  'calendar.set': '设置节假日安排',
  'calendar.remove': '恢复为普通日',
  'case.start': '发起审批案件',
  'case.act': '审批办理',
  'case.extend': '审批案件延期',
  'case.filing_review': '备案审查',
  'enrollment.create': '经审批纳入保障',
  'enrollment.change': '经审批变更保障',
  'enrollment.stop': '经审批停保',
  'enrollment.taper': '经审批渐退',
  'household.head_change': '变更户主',
  'workflow.update': '修改审批流程',
  'workflow.policy': '修改审批政策参数',
  'case.crisis': '标记危机个案',
  'case.crisis_cleared': '解除危机标记',
  'case.follow_up': '结案后随访',
  'child.register': '儿童建档',
  'child.update': '修改儿童档案',
  'child.close': '儿童档案结案',
  'child.visit': '记录儿童探访',
  'child_director.create': '新增儿童主任',
  'child_director.update': '修改儿童主任',
  'care.policy': '修改儿童探访周期',
  'elder.register': '特殊困难老年人建档',
  'elder.reopen': '特殊困难老年人重新建档',
  'elder.update': '修改老年人档案',
  'elder.close': '老年人档案结案',
  'elder.visit': '记录老年人探访',
  'elder.assessment': '登记能力综合评估',
  'elderly.policy': '修改老年关爱政策',
  'survival.record': '登记生存认证',
  'referral.create': '新建转介',
  'referral.update': '更新转介状态',
  'care_organisation.create': '新增帮扶机构',
  'care_organisation.update': '修改帮扶机构',
  'vagrant.create': '登记流浪乞讨救助',
  'vagrant.update': '修改救助记录',
  'vagrant.leave': '救助离站登记',
  'audit.export': '导出审计日志',
};

/** Kinds of records the audit log refers to. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  ledger: '台账',
  user: '用户',
  township: '乡镇（街道）',
  village: '村（社区）',
  settings: '系统设置',
  household: '家庭',
  person: '家庭成员',
  enrollment: '在保记录',
  standard: '保障标准',
  calendar: '节假日安排',
  case: '审批案件',
  workflow: '审批流程',
  child: '儿童档案',
  child_director: '儿童主任',
  elder: '老年人档案',
  elder_assessment: '能力综合评估',
  survival_check: '生存认证',
  referral: '转介',
  care_organisation: '帮扶机构',
  vagrant_rescue: '救助记录',
  import_batch: '导入批次',
  report: '统计报表',
  audit_log: '审计日志',
};

/** Actors that are not a signed-in user. */
export const AUDIT_ACTOR_LABELS: Record<string, string> = {
  setup: '初始设置',
  'recovery-code': '恢复码',
  system: '系统',
};

/** Where an enrollment came from. */
export const ENROLLMENT_SOURCE_LABELS: Record<string, string> = {
  initial_load: '建账录入',
  workflow: '审批',
  import: '导入',
  report: '统计报表',
};

/** What is wrong with a typed ID number, in the words the forms and import reports use. */
export const ID_PROBLEM_LABELS: Record<IdProblem, string> = {
  id_length: '身份证号码位数不对（应为 18 位）',
  id_checksum: '身份证号码校验位不对，请核对',
  id_birthdate_invalid: '身份证号码中的出生日期无效',
  id_scientific_notation: '身份证号码被表格软件显示成了科学计数法，已丢失数字',
  id_characters: '身份证号码含有无效字符',
};

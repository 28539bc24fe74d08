/** The coded attributes of a person (一人一档), with their zh-CN labels. */
export const DISABILITY_CATEGORIES = { vision: '视力残疾', hearing: '听力残疾', speech: '言语残疾', physical: '肢体残疾', intellectual: '智力残疾', mental: '精神残疾', multiple: '多重残疾' } as const;
export type DisabilityCategory = keyof typeof DISABILITY_CATEGORIES;
export const DISABILITY_GRADES = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' } as const;

export const SELF_CARE_LEVELS = { full: '全自理', partial: '半护理', none: '全护理' } as const;
export type SelfCareLevel = keyof typeof SELF_CARE_LEVELS;

export const HEALTH_STATES = { healthy: '健康', chronic: '慢性病', serious: '重特大疾病', disabled: '残疾' } as const;
export type HealthState = keyof typeof HEALTH_STATES;

export const SCHOOL_STATES = {
  preschool: '学龄前',
  primary: '小学在读',
  junior: '初中在读',
  senior: '高中在读',
  vocational: '中职在读',
  college: '大学在读',
  out_of_school: '辍学',
  finished: '已离校',
} as const;
export type SchoolState = keyof typeof SCHOOL_STATES;

export const SEX_LABELS = { male: '男', female: '女' } as const;

export const COMMON_ETHNICITIES = ['汉族', '壮族', '回族', '满族', '维吾尔族', '苗族', '彝族', '土家族', '藏族', '蒙古族', '侗族', '布依族', '瑶族', '白族', '朝鲜族', '哈尼族', '黎族', '哈萨克族', '傣族', '其他'] as const;

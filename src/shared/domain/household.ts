/** Households (户) and their members: relation to the head and hukou type, as stored codes. */
export const RELATIONS = ['self', 'spouse', 'son', 'daughter', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABELS: Record<Relation, string> = {
  self: '本人（户主）',
  spouse: '配偶',
  son: '子',
  daughter: '女',
  parent: '父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  other: '其他',
};

export const HUKOU_TYPES = ['urban', 'rural'] as const;
export type HukouType = (typeof HUKOU_TYPES)[number];
export const HUKOU_LABELS: Record<HukouType, string> = { urban: '城镇', rural: '农村' };

/** How a roster's entry stands against the ledger, as the preview and the 差异清单 name it. */
export const DIFFERENCE_KINDS = ['changed', 'missing', 'new', 'unchanged'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export const DIFFERENCE_LABELS: Record<DifferenceKind, string> = {
  changed: '变更',
  missing: '表中没有',
  new: '新增',
  unchanged: '无变化',
};

/** The kinds a clerk acts on, in the order the preview and the 差异清单 list them. */
export const LISTED_DIFFERENCE_KINDS = ['changed', 'missing', 'new'] as const satisfies readonly DifferenceKind[];

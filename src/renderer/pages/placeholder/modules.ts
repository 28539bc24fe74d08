/** What each module not yet built will do, said once here for its placeholder page. */
export const PLANNED_MODULES = {
  reports: {
    title: '统计报表',
    summary: '按乡镇、救助项目和月份生成统计报表与公示名单，提供 A4 打印版式和 Excel 导出。',
  },
} as const;

export type PlannedModule = keyof typeof PLANNED_MODULES;

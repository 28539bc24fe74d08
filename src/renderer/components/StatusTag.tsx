import { Tag } from 'antd';

/** Active/inactive as a tag; accounts say 在用/停用, regions 启用/停用. */
export function StatusTag({ active, on = '在用', off = '停用' }: { active: boolean; on?: string; off?: string }) {
  return active ? <Tag color="success">{on}</Tag> : <Tag>{off}</Tag>;
}

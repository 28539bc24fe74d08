/** Townships and villages the roster names but the ledger lacks; an administrator can add them at once. */
import { Alert, Button } from 'antd';
import type { ImportPreview } from '../../../shared/api/imports.schemas';

interface Props {
  regions: ImportPreview['unknownRegions'];
  canAdd: boolean;
  adding: boolean;
  onAdd: () => void;
}

export function UnknownRegions({ regions, canAdd, adding, onAdd }: Props) {
  if (regions.length === 0) return null;
  const names = regions.map((r) => (r.villageName ? `${r.townshipName}${r.villageName}` : r.townshipName));
  return (
    <Alert
      type="warning"
      showIcon
      className="import-alert"
      title={`花名册中有 ${regions.length} 处区划在“乡镇村居”中没有`}
      description={
        <>
          <div>{names.join('、')}</div>
          <div>{canAdd ? '如确属本县区划，可直接添加（按顺序编码，之后可在“乡镇村居”中修改）；如是笔误，请让乡镇改正后重新报送。' : '请系统管理员在“乡镇村居”中添加，或让乡镇改正后重新报送。'}</div>
        </>
      }
      action={
        canAdd ? (
          <Button size="small" loading={adding} onClick={onAdd}>
            添加到区划
          </Button>
        ) : undefined
      }
    />
  );
}

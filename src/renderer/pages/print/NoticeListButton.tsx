/**
 * 打印公示名单: opens the notice list of a township. A township clerk (or a page that knows the township)
 * goes straight there; county users choose the township, and optionally one village, first.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Form, Popover, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { VillageSelect } from '../../components/ledger/VillageSelect';
import { useSignedIn } from '../../session/session-context';

export function noticeListPath(townshipId: string, villageId?: string | null): string {
  const params = new URLSearchParams({ townshipId });
  if (villageId) params.set('villageId', villageId);
  return `/print/notice-list?${params.toString()}`;
}

interface Props {
  /** The township to print; when absent, a township clerk's own, else chosen in a popover. */
  townshipId?: string | null;
  villageId?: string | null;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

export function NoticeListButton({ townshipId, villageId, size, type }: Props) {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [chosenTownship, setChosenTownship] = useState<string | undefined>(undefined);
  const [chosenVillage, setChosenVillage] = useState<string | null>(null);
  const fixed = townshipId ?? (user.role === 'township_clerk' ? user.townshipId : null);

  if (fixed) {
    return (
      <Button size={size} type={type} icon={<PrinterOutlined />} onClick={() => navigate(noticeListPath(fixed, villageId))}>
        打印公示名单
      </Button>
    );
  }

  const chooser = (
    <Form layout="vertical" style={{ width: 260 }} onFinish={() => chosenTownship && navigate(noticeListPath(chosenTownship, chosenVillage))}>
      <Form.Item label="乡镇（街道）" htmlFor="notice-list-township" required>
        <TownshipSelect
          id="notice-list-township"
          aria-label="乡镇（街道）"
          value={chosenTownship}
          onChange={(v) => {
            setChosenTownship(v);
            setChosenVillage(null);
          }}
        />
      </Form.Item>
      <Form.Item label="村（社区）" htmlFor="notice-list-village" extra="不选则打印全乡镇（街道）的名单">
        <VillageSelect id="notice-list-village" aria-label="村（社区）" townshipId={chosenTownship} value={chosenVillage} onChange={setChosenVillage} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block disabled={!chosenTownship}>
        打开公示名单
      </Button>
    </Form>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title="打印公示名单" content={chooser} open={open} onOpenChange={setOpen}>
      <Button size={size} type={type} icon={<PrinterOutlined />}>
        打印公示名单
      </Button>
    </Popover>
  );
}

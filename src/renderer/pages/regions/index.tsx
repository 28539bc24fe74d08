/**
 * Townships and their villages, master-detail. Everyone can look (a township clerk sees only their
 * own township, as the server returns it); administrators add and edit.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row } from 'antd';
import { useState } from 'react';
import type { Township, Village } from '../../../shared/api/contract';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { TownshipModal } from './TownshipModal';
import { TownshipTable } from './TownshipTable';
import { VillageModal } from './VillageModal';
import { VillageTable } from './VillageTable';

/** The item stays while the modal closes, so its title does not change during the closing animation. */
interface Editing<T> {
  open: boolean;
  item: T | null;
}

export function RegionsPage() {
  const { user, county } = useSignedIn();
  const isAdmin = user.role === 'admin';
  const townships = useRead('regions.townships', {});
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = townships.data ?? [];
  // Until the user picks one, show the first township's villages.
  const selected = list.find((t) => t.id === chosenId) ?? list[0] ?? null;
  const villages = useRead('regions.villages', { townshipId: selected?.id ?? '' }, { enabled: selected !== null });
  const [townshipEdit, setTownshipEdit] = useState<Editing<Township>>({ open: false, item: null });
  const [villageEdit, setVillageEdit] = useState<Editing<Village>>({ open: false, item: null });

  return (
    <>
      <PageTitle title="乡镇村居" note={`${county.name}的乡镇（街道）和村（社区），代码按统计用区划代码编排`} />
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <Card
            title="乡镇（街道）"
            className="region-card"
            extra={
              isAdmin && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setTownshipEdit({ open: true, item: null })}>
                  新增乡镇
                </Button>
              )
            }
          >
            <TownshipTable
              townships={list}
              loading={townships.isPending}
              selectedId={selected?.id ?? null}
              canEdit={isAdmin}
              onSelect={(t) => setChosenId(t.id)}
              onEdit={(t) => setTownshipEdit({ open: true, item: t })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card
            title={selected ? `${selected.name} · 村（社区）` : '村（社区）'}
            className="region-card"
            extra={
              isAdmin &&
              selected && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setVillageEdit({ open: true, item: null })}>
                  新增村（社区）
                </Button>
              )
            }
          >
            {selected ? (
              <VillageTable
                villages={villages.data ?? []}
                loading={villages.isPending}
                canEdit={isAdmin}
                onEdit={(v) => setVillageEdit({ open: true, item: v })}
              />
            ) : (
              <Empty description="请先在左侧选择乡镇（街道）" />
            )}
          </Card>
        </Col>
      </Row>
      {isAdmin && (
        <TownshipModal
          open={townshipEdit.open}
          editing={townshipEdit.item}
          countyCode={county.code}
          onClose={() => setTownshipEdit((e) => ({ ...e, open: false }))}
          onSaved={(t) => {
            setTownshipEdit((e) => ({ ...e, open: false }));
            setChosenId(t.id);
          }}
        />
      )}
      {isAdmin && selected && (
        <VillageModal
          open={villageEdit.open}
          township={selected}
          editing={villageEdit.item}
          onClose={() => setVillageEdit((e) => ({ ...e, open: false }))}
          onSaved={() => setVillageEdit((e) => ({ ...e, open: false }))}
        />
      )}
    </>
  );
}

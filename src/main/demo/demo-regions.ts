/** The demo county's townships and villages: invented names, codes nested under the county code. */
export interface DemoTownship {
  suffix: string;
  name: string;
  villages: { suffix: string; name: string; kind: 'village' | 'community' }[];
}

export const DEMO_COUNTY = { name: '示范县', code: '431122' };

export const DEMO_TOWNSHIPS: DemoTownship[] = [
  {
    suffix: '001',
    name: '城关街道',
    villages: [
      { suffix: '001', name: '东门社区', kind: 'community' },
      { suffix: '002', name: '西门社区', kind: 'community' },
      { suffix: '003', name: '南关社区', kind: 'community' },
    ],
  },
  {
    suffix: '100',
    name: '青山镇',
    villages: [
      { suffix: '201', name: '青山村', kind: 'village' },
      { suffix: '202', name: '石桥村', kind: 'village' },
      { suffix: '203', name: '枫林村', kind: 'village' },
      { suffix: '001', name: '青山社区', kind: 'community' },
    ],
  },
  {
    suffix: '101',
    name: '白水镇',
    villages: [
      { suffix: '201', name: '白水村', kind: 'village' },
      { suffix: '202', name: '荷塘村', kind: 'village' },
      { suffix: '203', name: '龙口村', kind: 'village' },
    ],
  },
  {
    suffix: '200',
    name: '梅溪乡',
    villages: [
      { suffix: '201', name: '梅溪村', kind: 'village' },
      { suffix: '202', name: '竹园村', kind: 'village' },
      { suffix: '203', name: '高岭村', kind: 'village' },
    ],
  },
];

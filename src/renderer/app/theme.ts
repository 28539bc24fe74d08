import type { ThemeConfig } from 'antd';

/** A calm government-office look: deep blue primary, compact enough for long tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9a',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#17335f', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { itemSelectedBg: '#e8effb', itemSelectedColor: '#1f4e9a', itemMarginInline: 8 },
  },
};

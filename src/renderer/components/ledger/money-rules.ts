import type { FormRule } from 'antd';
import { parseYuan } from '../../../shared/domain/money';

/** An amount in 元 typed as text ("600", "1,200.50", "100元"); the form keeps the text, the caller converts with parseYuan. */
export function yuanRules(label = '金额'): FormRule[] {
  return [
    { required: true, whitespace: true, message: `请填写${label}` },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || !value.trim()) return;
        const fen = parseYuan(value);
        if (fen === null) throw new Error('请填写金额，如 600 或 600.50（元，最多两位小数）');
        if (fen < 0) throw new Error('金额不能为负数');
      },
    },
  ];
}

/** The fen of a text that passed yuanRules. */
export function fenOf(value: string): number {
  return parseYuan(value) ?? 0;
}

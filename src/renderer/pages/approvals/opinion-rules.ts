import type { FormRule } from 'antd';

/** An opinion (审核意见, 审查意见) as the contract's opinionSchema asks: 2–500 characters once trimmed. */
export function opinionRules(label: string): FormRule[] {
  return [
    { required: true, whitespace: true, message: `请填写${label}` },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value === 'string' && value.trim() && value.trim().length < 2) throw new Error(`${label}至少 2 个字`);
      },
    },
    { max: 500 },
  ];
}

import type { FormRule } from 'antd';

/** A written opinion or reason as the contract asks (审核意见 2–500 characters once trimmed; 延期理由 4–300). */
export function opinionRules(label: string, min = 2, max = 500): FormRule[] {
  return [
    { required: true, whitespace: true, message: `请填写${label}` },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value === 'string' && value.trim() && value.trim().length < min) throw new Error(`${label}至少 ${min} 个字`);
      },
    },
    { max },
  ];
}

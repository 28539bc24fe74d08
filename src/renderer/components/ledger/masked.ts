/** Whether a value is one the server masked for this role (431122********1234, 622848******5678). */
export const isMasked = (value: string | null | undefined): boolean => Boolean(value?.includes('*'));

/** A masked number cannot be saved back as it is. */
export const MASKED_HINT = '号码中间几位对您的角色隐藏；保存前须填写完整号码';

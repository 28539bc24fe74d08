import type { FormRule } from 'antd';
import { PASSWORD_MIN_LENGTH } from '../../shared/domain/password';

/** The confirmation field must repeat `field`. */
export function sameAs(field: string, message = '两次输入的密码不一致'): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) => (!value || getFieldValue(field) === value ? Promise.resolve() : Promise.reject(new Error(message))),
  });
}

export const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 位，须同时包含字母和数字，不能包含用户名`;

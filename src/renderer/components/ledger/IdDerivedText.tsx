import { Typography } from 'antd';
import { derivedFromId } from './id-check';

/** "男 · 1958-03-02 · 67 岁", read from the ID as it is typed. */
export function IdDerivedText({ idNumber }: { idNumber: string | undefined }) {
  const derived = derivedFromId(idNumber);
  if (!derived) return <Typography.Text type="secondary">性别、出生日期和年龄由身份证号码自动得出</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {derived.sex} · {derived.birthDate} · {derived.age} 岁
    </Typography.Text>
  );
}

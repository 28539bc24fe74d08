/**
 * First run: the county, the first administrator, then the recovery code (shown once). The two forms
 * stay mounted across steps so a field error from the server can be shown on either.
 */
import { Button, Form, Input, Steps, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { AuthCard } from '../../components/AuthCard';
import { enterMovesOn } from '../../components/enter-moves-on';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useSession } from '../../session/session-context';
import { RecoveryCodeStep } from './RecoveryCodeStep';

interface CountyValues {
  countyName: string;
  countyCode: string;
}

interface AdminValues {
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  confirmPassword: string;
}

const COUNTY_FIELDS = new Set(['countyName', 'countyCode']);

export function SetupPage() {
  const navigate = useNavigate();
  const { refreshSetupStatus } = useSession();
  const [countyForm] = Form.useForm<CountyValues>();
  const [adminForm] = Form.useForm<AdminValues>();
  const [step, setStep] = useState(0);
  const [created, setCreated] = useState<{ recoveryCode: string; countyName: string; createdAt: Date } | null>(null);
  const create = useWrite('setup.create');
  const countyNameRef = useRef<InputRef>(null);
  const displayNameRef = useRef<InputRef>(null);

  useEffect(() => {
    if (step === 0) countyNameRef.current?.focus();
    if (step === 1) displayNameRef.current?.focus();
  }, [step]);

  const createLedger = async (admin: AdminValues) => {
    const county = countyForm.getFieldsValue(true) as CountyValues;
    try {
      const { recoveryCode } = await create.mutateAsync({
        countyName: county.countyName,
        countyCode: county.countyCode,
        adminUsername: admin.adminUsername,
        adminDisplayName: admin.adminDisplayName,
        adminPassword: admin.adminPassword,
      });
      setCreated({ recoveryCode, countyName: county.countyName.trim(), createdAt: new Date() });
      setStep(2);
    } catch (err) {
      const aboutCounty = isApiError(err) && (err.details.fields ?? []).some((f) => COUNTY_FIELDS.has(String(f.path[0])));
      if (aboutCounty) {
        setStep(0);
        reportError(err, countyForm);
      } else {
        reportError(err, adminForm);
      }
    }
  };

  const finish = async () => {
    await refreshSetupStatus();
    navigate('/login', { replace: true });
  };

  return (
    <AuthCard title="初始设置" subtitle="首次使用，请创建本县的救助对象台账" width={640}>
      <Steps current={step} size="small" className="setup-steps" items={[{ title: '县级信息' }, { title: '系统管理员' }, { title: '恢复码' }]} />

      <div hidden={step !== 0}>
        <Form<CountyValues> form={countyForm} layout="vertical" onFinish={() => setStep(1)} onKeyDown={enterMovesOn}>
          <Form.Item name="countyName" label="县（市、区）名称" rules={[{ required: true, whitespace: true }, { max: 40 }]}>
            <Input ref={countyNameRef} placeholder="如 青山县" maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="countyCode"
            label="县级行政区划代码"
            extra="6 位数字，见国家统计局区划代码"
            rules={[{ required: true }, { pattern: /^\d{6}$/, message: '县级行政区划代码应为 6 位数字' }]}
          >
            <Input placeholder="如 431122" maxLength={6} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <div className="form-actions">
            <Button type="primary" htmlType="submit">
              下一步
            </Button>
          </div>
        </Form>
      </div>

      <div hidden={step !== 1}>
        <Form<AdminValues>
          form={adminForm}
          layout="vertical"
          initialValues={{ adminUsername: 'admin' }}
          onFinish={(values) => void createLedger(values)}
          onKeyDown={enterMovesOn}
        >
          <Form.Item name="adminUsername" label="用户名" extra="登录时使用，字母开头，如 admin" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
          <Form.Item name="adminDisplayName" label="姓名" rules={[{ required: true, whitespace: true }, { max: 20 }]}>
            <Input ref={displayNameRef} maxLength={20} autoComplete="off" />
          </Form.Item>
          <NewPasswordFields name="adminPassword" label="密码" confirmLabel="确认密码" />
          <div className="form-actions">
            <Button onClick={() => setStep(0)} disabled={create.isPending}>
              上一步
            </Button>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              创建台账
            </Button>
          </div>
        </Form>
      </div>

      {step === 2 && created && <RecoveryCodeStep {...created} onDone={() => void finish()} />}
    </AuthCard>
  );
}

import { Alert, Button, Card } from 'antd';
import { AuthCard } from '../../components/AuthCard';
import { PageTitle } from '../../components/PageTitle';
import { useSession, useSignedIn } from '../../session/session-context';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Reached from the user menu. */
export function ChangePasswordPage() {
  return (
    <>
      <PageTitle title="修改密码" />
      <Card className="narrow-card">
        <ChangePasswordForm />
      </Card>
    </>
  );
}

/** The only page open while the password set by someone else (or at reset) has not been changed. */
export function ForcedPasswordPage() {
  const { user } = useSignedIn();
  const { signOut } = useSession();
  return (
    <AuthCard title="修改密码" subtitle={`${user.displayName}（${user.username}）`} width={440}>
      <Alert
        type="info"
        showIcon
        className="auth-alert"
        title="首次登录或密码被重置后须先修改密码"
        description="当前密码是管理员设置的临时密码。请设置只有您自己知道的新密码，然后才能使用工作台。"
      />
      <ChangePasswordForm />
      <div className="auth-links">
        <Button type="link" onClick={() => void signOut()}>
          退出登录
        </Button>
      </div>
    </AuthCard>
  );
}

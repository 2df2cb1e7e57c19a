import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileAddOutlined,
  InboxOutlined,
  LogoutOutlined,
  MailOutlined,
  ProfileOutlined,
  SafetyOutlined,
  TableOutlined,
  SnippetsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Result, Space, Spin, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { api, ok } from './api/client';
import { as, type NotificationsDto } from './api/types';
import { ROLE_LABELS } from './i18n/labels';
import { LoginPage } from './pages/Login';
import { navigate, useLocation } from './router';
import { type Session, useLogout, useSession } from './session';

const WorkList = lazy(() => import('./pages/WorkList'));
const Intake = lazy(() => import('./pages/Intake'));
const Pending = lazy(() => import('./pages/Pending'));
const CaseDetail = lazy(() => import('./pages/CaseDetail'));
const Review = lazy(() => import('./pages/Review'));
const Notifications = lazy(() => import('./pages/Notifications'));
const Outbox = lazy(() => import('./pages/Outbox'));
const Board = lazy(() => import('./pages/Board'));
const Stats = lazy(() => import('./pages/Stats'));
const AnnualReport = lazy(() => import('./pages/AnnualReport'));
const Remedies = lazy(() => import('./pages/Remedies'));
const Audit = lazy(() => import('./pages/Audit'));
const AdminUsers = lazy(() => import('./pages/admin/Users'));
const AdminOffices = lazy(() => import('./pages/admin/Offices'));
const AdminCalendar = lazy(() => import('./pages/admin/Calendar'));
const AdminTemplates = lazy(() => import('./pages/admin/Templates'));
const PublicApply = lazy(() => import('./pages/PublicApply'));
const PublicTrack = lazy(() => import('./pages/PublicTrack'));

interface MenuItem {
  path: string;
  name: string;
  icon: ReactNode;
  roles?: string[];
}
const MENU: MenuItem[] = [
  { path: '/', name: '我的待办', icon: <ProfileOutlined /> },
  { path: '/intake', name: '登记', icon: <FileAddOutlined />, roles: ['clerk'] },
  { path: '/pending', name: '待确认', icon: <InboxOutlined />, roles: ['clerk', 'supervisor'] },
  { path: '/review', name: '审核', icon: <CheckSquareOutlined />, roles: ['reviewer', 'supervisor'] },
  { path: '/board', name: '督办', icon: <AlertOutlined />, roles: ['supervisor', 'auditor'] },
  { path: '/stats', name: '统计', icon: <BarChartOutlined />, roles: ['supervisor', 'auditor'] },
  { path: '/annual-report', name: '年度报告', icon: <TableOutlined />, roles: ['supervisor', 'auditor', 'admin'] },
  { path: '/audit', name: '审计', icon: <AuditOutlined />, roles: ['auditor', 'supervisor'] },
  { path: '/remedies', name: '救济', icon: <SafetyOutlined />, roles: ['clerk', 'supervisor', 'auditor'] },
  { path: '/notifications', name: '通知', icon: <BellOutlined /> },
  { path: '/outbox', name: '发件箱', icon: <MailOutlined />, roles: ['admin'] },
  { path: '/admin/users', name: '用户管理', icon: <TeamOutlined />, roles: ['admin'] },
  { path: '/admin/offices', name: '机关与部门', icon: <BankOutlined />, roles: ['admin'] },
  { path: '/admin/calendar', name: '工作日历', icon: <CalendarOutlined />, roles: ['admin'] },
  { path: '/admin/templates', name: '文书模板', icon: <SnippetsOutlined />, roles: ['admin'] },
];

export function App() {
  const { path } = useLocation();
  // The applicant's pages need no login.
  if (path === '/apply' || path === '/track')
    return <Suspense fallback={<Spin tip="正在加载…" />}>{path === '/apply' ? <PublicApply /> : <PublicTrack />}</Suspense>;
  return <Staff />;
}

function Staff() {
  const session = useSession();
  if (session.isLoading) return <Spin fullscreen tip="正在加载…" />;
  if (!session.data) return <LoginPage />;
  return <Shell session={session.data} />;
}

function Page({ path, session }: { path: string; session: Session }) {
  const m = /^\/cases\/([0-9a-f-]{36})$/.exec(path);
  if (m) return <CaseDetail id={m[1]} session={session} />;
  switch (path) {
    case '/':
      return <WorkList session={session} />;
    case '/intake':
      return <Intake />;
    case '/pending':
      return <Pending />;
    case '/review':
      return <Review session={session} />;
    case '/notifications':
      return <Notifications />;
    case '/outbox':
      return <Outbox />;
    case '/board':
      return <Board session={session} />;
    case '/stats':
      return <Stats />;
    case '/annual-report':
      return <AnnualReport />;
    case '/remedies':
      return <Remedies session={session} />;
    case '/audit':
      return <Audit />;
    case '/admin/users':
      return <AdminUsers session={session} />;
    case '/admin/offices':
      return <AdminOffices />;
    case '/admin/calendar':
      return <AdminCalendar />;
    case '/admin/templates':
      return <AdminTemplates />;
    default:
      return <Result status="404" title="页面不存在" extra={<Button onClick={() => navigate('/')}>返回我的待办</Button>} />;
  }
}

function Shell({ session }: { session: Session }) {
  const { path } = useLocation();
  const logout = useLogout();
  const unread = useQuery({
    queryKey: ['notifications'],
    queryFn: () => as<NotificationsDto>(ok(api.GET('/api/me/notifications'))),
    refetchInterval: 60_000,
  });
  const role = session.user.role;
  const menu = MENU.filter((m) => !m.roles || m.roles.includes(role));
  return (
    <div style={{ display: 'flex', minHeight: '100vh' }}>
      <nav aria-label="主菜单" style={{ width: 200, background: '#7f1d1d', color: '#fff', padding: '16px 0', flexShrink: 0 }}>
        <div style={{ padding: '0 20px 16px', fontWeight: 600, fontSize: 16 }}>依申请公开办理</div>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {menu.map((m) => {
            const active = m.path === '/' ? path === '/' || path.startsWith('/cases/') : path.startsWith(m.path);
            return (
              <li key={m.path}>
                <a
                  href={m.path}
                  aria-current={active ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(m.path);
                  }}
                  style={{
                    display: 'block',
                    padding: '10px 20px',
                    color: '#fff',
                    background: active ? 'rgba(255,255,255,0.18)' : undefined,
                    textDecoration: 'none',
                  }}
                >
                  <Space>
                    {m.icon}
                    {m.name}
                    {m.path === '/notifications' && unread.data?.unread ? <Badge count={unread.data.unread} size="small" /> : null}
                  </Space>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div style={{ flex: 1, minWidth: 0, background: '#f5f5f5' }}>
        <header
          style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 16, padding: '8px 24px', background: '#fff' }}
        >
          <Typography.Text>
            {session.user.displayName.includes(ROLE_LABELS[role] ?? role)
              ? session.user.displayName
              : `${session.user.displayName}（${ROLE_LABELS[role] ?? role}）`}
            {session.user.departmentName ? ` · ${session.user.departmentName}` : ''}
          </Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出登录
          </Button>
        </header>
        <main style={{ padding: 24 }}>
          <Suspense fallback={<Spin tip="正在加载…" />}>
            <Page path={path} session={session} />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

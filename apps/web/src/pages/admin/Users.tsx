// 用户管理: the office's users, created with a role and department, changed, deactivated (after a
// warning listing the open cases they still hold) or reactivated, and given a new password that
// is shown once. Only administrators reach this page; the server refuses everyone else.
import { ModalForm, ProFormDependency, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ok, type Schemas } from '../../api/client';
import { ROLE_LABELS, STATUS_LABELS } from '../../i18n/labels';
import type { Session } from '../../session';
import { adminOnly, adminKeys, ErrorAlert, formatDay, oneTimePassword, useDepartments, useOffices } from './common';

type User = Schemas['UserDto'];
type Role = User['role'];
const ROLES = Object.keys(ROLE_LABELS) as Role[];
/** Roles whose work is a department's (apps/api/admin DEPARTMENT_ROLES): the server refuses them without one. */
const DEPARTMENT_ROLES: Role[] = ['clerk', 'reviewer', 'supervisor'];

const T = {
  title: '用户管理',
  create: '新建用户',
  office: '机关',
  role: '角色',
  status: '状态',
  active: '在用',
  inactive: '已停用',
  username: '用户名',
  displayName: '姓名',
  department: '部门',
  email: '电子邮箱',
  openCases: '在办案件',
  actions: '操作',
  edit: '修改',
  deactivate: '停用',
  reactivate: '启用',
  resetPassword: '重置密码',
  usernameRule: '用户名须为 3–32 位，以小写字母开头，只能包含小写字母、数字和 . _ -',
  deptRequired: '承办人、审核人和督办主管必须属于一个部门',
  noDepartment: '（不属于部门）',
};

interface UserForm {
  username?: string;
  displayName: string;
  role: Role;
  departmentCode?: string | null;
  email?: string;
}

export default adminOnly(Users);

function Users({ session }: { session: Session }) {
  const qc = useQueryClient();
  const [office, setOffice] = useState(session.user.officeCode);
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<'true' | 'false' | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [editError, setEditError] = useState<unknown>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string; created: boolean } | null>(null);
  const offices = useOffices();
  const departments = useDepartments(office);
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.code, d.name]));
  const filters = { office, role, active };
  const users = useQuery({
    queryKey: adminKeys.users(filters),
    queryFn: () => ok(api.GET('/api/admin/users', { params: { query: filters } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['admin', 'users'] });

  const update = useMutation({
    mutationFn: ({ username, body }: { username: string; body: Schemas['UpdateUserDto'] }) =>
      ok(api.PATCH('/api/admin/users/{username}', { params: { path: { username } }, body })),
    onSuccess: () => {
      setError(null);
      void refresh();
    },
    onError: setError,
  });
  const reset = useMutation({
    mutationFn: async (username: string) => {
      const pw = oneTimePassword();
      await ok(api.POST('/api/admin/users/{username}/password', { params: { path: { username } }, body: { password: pw } }));
      return { username, password: pw, created: false };
    },
    onSuccess: (r) => {
      setError(null);
      setPassword(r);
    },
    onError: setError,
  });

  const departmentOptions = [...(departments.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))];
  const departmentField = (
    <ProFormDependency name={['role']}>
      {({ role: r }: { role?: Role }) => (
        <ProFormSelect
          name="departmentCode"
          label={T.department}
          options={departmentOptions}
          allowClear={!DEPARTMENT_ROLES.includes(r as Role)}
          placeholder={DEPARTMENT_ROLES.includes(r as Role) ? '请选择部门' : T.noDepartment}
          rules={[{ required: DEPARTMENT_ROLES.includes(r as Role), message: T.deptRequired }]}
        />
      )}
    </ProFormDependency>
  );
  const commonFields = (
    <>
      <ProFormText
        name="displayName"
        label={T.displayName}
        rules={[
          { required: true, whitespace: true, message: '请填写姓名' },
          { max: 100, message: '姓名不能超过 100 个字' },
        ]}
      />
      <ProFormSelect
        name="role"
        label={T.role}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        rules={[{ required: true, message: '请选择角色' }]}
      />
      {departmentField}
      <ProFormText
        name="email"
        label={T.email}
        tooltip="提醒和督办通知发送到此邮箱"
        rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
      />
    </>
  );

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {T.title}
      </Typography.Title>
      <ErrorAlert error={error} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label={T.office}
          style={{ width: 240 }}
          value={office}
          onChange={setOffice}
          options={(offices.data?.items ?? []).map((o) => ({ value: o.code, label: o.name }))}
        />
        <Select
          aria-label={T.role}
          placeholder={T.role}
          allowClear
          style={{ width: 140 }}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <Select
          aria-label={T.status}
          placeholder={T.status}
          allowClear
          style={{ width: 120 }}
          value={active}
          onChange={setActive}
          options={[
            { value: 'true', label: T.active },
            { value: 'false', label: T.inactive },
          ]}
        />
        <ModalForm<UserForm & { username: string }>
          title={T.create}
          trigger={<Button type="primary">{T.create}</Button>}
          modalProps={{ destroyOnClose: true, afterClose: () => setCreateError(null) }}
          initialValues={{ role: 'clerk' }}
          submitter={{ searchConfig: { submitText: '创建', resetText: '取消' } }}
          onFinish={async (v) => {
            const pw = oneTimePassword();
            try {
              await ok(
                api.POST('/api/admin/users', {
                  body: {
                    username: v.username.trim(),
                    displayName: v.displayName.trim(),
                    role: v.role,
                    officeCode: office,
                    ...(v.departmentCode ? { departmentCode: v.departmentCode } : {}),
                    ...(v.email ? { email: v.email.trim() } : {}),
                    password: pw,
                  },
                }),
              );
            } catch (err) {
              setCreateError(err);
              return false; // the dialog stays open with the server's answer in it
            }
            setCreateError(null);
            setPassword({ username: v.username.trim(), password: pw, created: true });
            await refresh();
            return true;
          }}
        >
          <Typography.Paragraph type="secondary">
            新用户属于“{offices.data?.items.find((o) => o.code === office)?.name ?? office}”。创建后系统生成一次性初始密码，只显示一次。
          </Typography.Paragraph>
          <ErrorAlert error={createError} />
          <ProFormText
            name="username"
            label={T.username}
            tooltip="登录时使用，创建后不能修改"
            rules={[
              { required: true, message: '请填写用户名' },
              { pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: T.usernameRule },
            ]}
          />
          {commonFields}
        </ModalForm>
      </Space>
      <Table<User>
        rowKey="username"
        loading={users.isLoading}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: T.username, dataIndex: 'username' },
          { title: T.displayName, dataIndex: 'displayName' },
          { title: T.role, dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] ?? r },
          { title: T.department, dataIndex: 'departmentCode', render: (c: string | null) => (c ? (deptName.get(c) ?? c) : '—') },
          { title: T.email, dataIndex: 'email', render: (e: string | null) => e ?? '—' },
          { title: T.openCases, dataIndex: 'openCases', align: 'right' },
          {
            title: T.status,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{T.active}</Tag> : <Tag>{T.inactive}</Tag>),
          },
          {
            title: T.actions,
            width: 230,
            render: (_, u) => {
              const self = u.username === session.user.username;
              return (
                <Space size={0}>
                  <Button type="link" aria-label={`${T.edit} ${u.username}`} onClick={() => setEditing(u)}>
                    {T.edit}
                  </Button>
                  {u.active && !self && (
                    <Button type="link" danger aria-label={`${T.deactivate} ${u.username}`} onClick={() => setDeactivating(u)}>
                      {T.deactivate}
                    </Button>
                  )}
                  {!u.active && (
                    <Popconfirm
                      title={`重新启用 ${u.displayName}？`}
                      description="启用后可用原密码登录；如不确定原密码，请再重置密码。"
                      okText="启用"
                      cancelText="取消"
                      onConfirm={() => update.mutateAsync({ username: u.username, body: { active: true } })}
                    >
                      <Button type="link" aria-label={`${T.reactivate} ${u.username}`}>
                        {T.reactivate}
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={`为 ${u.displayName} 重置密码？`}
                    description="原密码和已登录的会话立即失效。"
                    okText="重置"
                    cancelText="取消"
                    onConfirm={() => reset.mutateAsync(u.username)}
                  >
                    <Button type="link" aria-label={`${T.resetPassword} ${u.username}`}>
                      {T.resetPassword}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />

      <ModalForm<UserForm>
        title={`修改用户：${editing?.username ?? ''}`}
        open={!!editing}
        onOpenChange={(o) => !o && setEditing(null)}
        modalProps={{ destroyOnClose: true, afterClose: () => setEditError(null) }}
        initialValues={
          editing
            ? {
                displayName: editing.displayName,
                role: editing.role,
                departmentCode: editing.departmentCode,
                email: editing.email ?? undefined,
              }
            : undefined
        }
        submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
        onFinish={async (v) => {
          if (!editing) return true;
          try {
            await ok(
              api.PATCH('/api/admin/users/{username}', {
                params: { path: { username: editing.username } },
                body: {
                  displayName: v.displayName.trim(),
                  role: v.role,
                  departmentCode: v.departmentCode ?? null,
                  email: v.email?.trim() ? v.email.trim() : null,
                },
              }),
            );
          } catch (err) {
            setEditError(err);
            return false; // the dialog stays open with the server's answer in it
          }
          setEditing(null);
          await refresh();
          return true;
        }}
      >
        <ErrorAlert error={editError} />
        {commonFields}
      </ModalForm>

      {deactivating && (
        <DeactivateDialog
          user={deactivating}
          onClose={() => setDeactivating(null)}
          onConfirm={async () => {
            await update.mutateAsync({ username: deactivating.username, body: { active: false } }).catch(() => undefined);
            setDeactivating(null);
          }}
        />
      )}

      <Modal
        open={!!password}
        destroyOnClose
        title={password?.created ? '用户已创建' : '密码已重置'}
        onCancel={() => setPassword(null)}
        footer={
          <Button type="primary" onClick={() => setPassword(null)}>
            我已记下
          </Button>
        }
      >
        <Typography.Paragraph>
          用户 <Typography.Text strong>{password?.username}</Typography.Text> 的一次性密码：
        </Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code copyable data-testid="one-time-password" style={{ fontSize: 18 }}>
            {password?.password}
          </Typography.Text>
        </Typography.Paragraph>
        <Alert type="warning" showIcon message="此密码只显示这一次。请当面或通过安全渠道告知本人，并提醒其登录后尽快更换。" />
      </Modal>
    </Card>
  );
}

function DeactivateDialog({ user, onClose, onConfirm }: { user: User; onClose: () => void; onConfirm: () => Promise<void> }) {
  const held = useQuery({
    queryKey: adminKeys.heldCases(user.username),
    queryFn: () => ok(api.GET('/api/admin/users/{username}/open-cases', { params: { path: { username: user.username } } })),
  });
  const [busy, setBusy] = useState(false);
  const count = held.data?.count ?? 0;
  return (
    <Modal
      open
      title={`停用用户：${user.displayName}（${user.username}）`}
      onCancel={onClose}
      width={720}
      okText="确认停用"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: held.isLoading || held.isError, loading: busy }}
      onOk={async () => {
        setBusy(true);
        await onConfirm();
        setBusy(false);
      }}
    >
      <Typography.Paragraph>停用后该用户不能再登录，已登录的会话立即失效。</Typography.Paragraph>
      <ErrorAlert error={held.error} />
      {held.data && count === 0 && <Alert type="info" showIcon message="该用户没有承办中的案件。" />}
      {held.data && count > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            role="alert"
            message={`该用户仍承办 ${count} 件未办结的案件`}
            description="停用后这些案件不会自动转交，须由督办主管在“督办”中重新分办，否则将逾期。"
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
            dataSource={held.data.items}
            columns={[
              { title: '登记编号', dataIndex: 'registrationNumber' },
              { title: '状态', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? s },
              { title: '答复期限', dataIndex: 'dueOn', render: (d: string | null) => formatDay(d) },
            ]}
          />
          {count > held.data.items.length && (
            <Typography.Text type="secondary">仅列出最紧急的 {held.data.items.length} 件。</Typography.Text>
          )}
        </>
      )}
    </Modal>
  );
}

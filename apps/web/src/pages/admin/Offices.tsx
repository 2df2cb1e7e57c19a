// 机关与部门: the offices (with the reconsideration organ and the court every reply letter names,
// their address and phone) and each office's departments. Only administrators reach this page.
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ok, type Schemas } from '../../api/client';
import { adminOnly, adminKeys, type Department, ErrorAlert, formatMoment, type Office, useDepartments, useOffices } from './common';

const CODE_RULE = { pattern: /^[A-Z][A-Z0-9_]{1,31}$/, message: '代码须为 2–32 位，以大写字母开头，只能包含大写字母、数字和下划线' };

interface OfficeForm {
  code?: string;
  name: string;
  registrationPrefix: string;
  noticePrefix?: string;
  reconsiderationOrgan: string;
  court: string;
  address: string;
  postcode?: string;
  phone: string;
  contactPerson?: string;
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

function OfficeFields({ creating }: { creating: boolean }) {
  return (
    <>
      {creating && (
        <ProFormText
          name="code"
          label="机关代码"
          tooltip="系统内部使用，创建后不能修改，例如 LINYI"
          colProps={{ span: 12 }}
          rules={[{ required: true, message: '请填写机关代码' }, CODE_RULE]}
        />
      )}
      <ProFormText
        name="name"
        label="机关名称"
        colProps={{ span: creating ? 12 : 24 }}
        rules={[{ required: true, whitespace: true, message: '请填写机关名称' }]}
      />
      <ProFormText
        name="registrationPrefix"
        label="登记编号前缀"
        tooltip="例如 LYZF，登记编号为 LYZF-2026-00001；修改后只影响新登记的申请"
        colProps={{ span: 12 }}
        rules={[
          { required: true, message: '请填写登记编号前缀' },
          { pattern: /^[A-Z]{2,8}$/, message: '登记编号前缀须为 2–8 个大写字母' },
        ]}
      />
      <ProFormText name="noticePrefix" label="文书文号前缀" tooltip="例如 临政公开；不填则使用系统默认" colProps={{ span: 12 }} />
      <ProFormText
        name="reconsiderationOrgan"
        label="行政复议机关"
        tooltip="每份答复告知书都写明的行政复议机关，不能是本机关自己"
        colProps={{ span: 12 }}
        dependencies={['name']}
        rules={[
          { required: true, whitespace: true, message: '请填写行政复议机关' },
          ({ getFieldValue }) => ({
            validator: (_: unknown, v?: string) =>
              v && v.trim() === String(getFieldValue('name') ?? '').trim()
                ? Promise.reject(new Error('行政复议机关不能是本机关自己'))
                : Promise.resolve(),
          }),
        ]}
      />
      <ProFormText
        name="court"
        label="管辖法院"
        tooltip="每份答复告知书都写明的行政诉讼管辖法院"
        colProps={{ span: 12 }}
        rules={[{ required: true, whitespace: true, message: '请填写管辖法院' }]}
      />
      <ProFormText
        name="address"
        label="通信地址"
        colProps={{ span: 16 }}
        rules={[{ required: true, whitespace: true, message: '请填写通信地址' }]}
      />
      <ProFormText
        name="postcode"
        label="邮政编码"
        colProps={{ span: 8 }}
        rules={[{ pattern: /^\d{6}$/, message: '邮政编码须为 6 位数字' }]}
      />
      <ProFormText
        name="phone"
        label="联系电话"
        colProps={{ span: 12 }}
        rules={[
          { required: true, whitespace: true, message: '请填写联系电话' },
          { pattern: /^[0-9+()\- ]{3,32}$/, message: '联系电话只能包含数字、空格和 + ( ) -，3–32 位' },
        ]}
      />
      <ProFormText name="contactPerson" label="联系人" colProps={{ span: 12 }} />
    </>
  );
}

export default adminOnly(Offices);

function Offices() {
  const qc = useQueryClient();
  const offices = useOffices();
  const [selected, setSelected] = useState<string | undefined>();
  const [editing, setEditing] = useState<Office | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const current = selected ?? offices.data?.items[0]?.code;
  const office = offices.data?.items.find((o) => o.code === current);

  const save = async (v: OfficeForm, code?: string): Promise<boolean> => {
    const body = {
      name: v.name.trim(),
      registrationPrefix: v.registrationPrefix.trim(),
      reconsiderationOrgan: v.reconsiderationOrgan.trim(),
      court: v.court.trim(),
      address: v.address.trim(),
      phone: v.phone.trim(),
      noticePrefix: trimmed(v.noticePrefix) ?? null,
      postcode: trimmed(v.postcode) ?? null,
      contactPerson: trimmed(v.contactPerson) ?? null,
    };
    try {
      if (code) await ok(api.PATCH('/api/admin/offices/{code}', { params: { path: { code } }, body }));
      else await ok(api.POST('/api/admin/offices', { body: { ...body, code: v.code!.trim() } as Schemas['CreateOfficeDto'] }));
    } catch (err) {
      setFormError(err);
      return false;
    }
    setFormError(null);
    await qc.invalidateQueries({ queryKey: adminKeys.offices });
    if (!code) setSelected(v.code!.trim());
    return true;
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          机关与部门
        </Typography.Title>
        <ErrorAlert error={offices.error} />
        <ModalForm<OfficeForm>
          title="新建机关"
          grid
          rowProps={{ gutter: 16 }}
          trigger={
            <Button type="primary" style={{ marginBottom: 16 }}>
              新建机关
            </Button>
          }
          modalProps={{ destroyOnClose: true, afterClose: () => setFormError(null) }}
          submitter={{ searchConfig: { submitText: '创建', resetText: '取消' } }}
          onFinish={(v) => save(v)}
        >
          <ErrorAlert error={formError} />
          <OfficeFields creating />
        </ModalForm>
        <Table<Office>
          rowKey="code"
          loading={offices.isLoading}
          dataSource={offices.data?.items ?? []}
          pagination={false}
          rowClassName={(o) => (o.code === current ? 'ant-table-row-selected' : '')}
          onRow={(o) => ({ onClick: () => setSelected(o.code) })}
          columns={[
            { title: '机关名称', dataIndex: 'name' },
            { title: '代码', dataIndex: 'code' },
            { title: '登记编号前缀', dataIndex: 'registrationPrefix' },
            { title: '行政复议机关', dataIndex: 'reconsiderationOrgan', render: (v: string | null) => v ?? <Missing /> },
            { title: '管辖法院', dataIndex: 'court', render: (v: string | null) => v ?? <Missing /> },
            { title: '通信地址', dataIndex: 'address', render: (v: string | null) => v ?? <Missing /> },
            { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? <Missing /> },
            {
              title: '操作',
              render: (_, o) => (
                <Space size={0}>
                  <Button type="link" aria-label={`修改 ${o.name}`} onClick={() => setEditing(o)}>
                    修改
                  </Button>
                  <Button type="link" aria-label={`部门 ${o.name}`} onClick={() => setSelected(o.code)}>
                    部门
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {office && <Departments office={office} />}
      <ModalForm<OfficeForm>
        title={`修改机关：${editing?.name ?? ''}`}
        grid
        rowProps={{ gutter: 16 }}
        open={!!editing}
        onOpenChange={(o) => !o && setEditing(null)}
        modalProps={{
          destroyOnClose: true,
          afterClose: () => setFormError(null),
        }}
        initialValues={editing ? Object.fromEntries(Object.entries(editing).map(([k, v]) => [k, v ?? undefined])) : undefined}
        submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
        onFinish={async (v) => {
          const done = await save(v, editing!.code);
          if (done) setEditing(null);
          return done;
        }}
      >
        <ErrorAlert error={formError} />
        <OfficeFields creating={false} />
      </ModalForm>
    </Space>
  );
}

function Missing() {
  return <Typography.Text type="danger">未填写</Typography.Text>;
}

function Departments({ office }: { office: Office }) {
  const qc = useQueryClient();
  const departments = useDepartments(office.code);
  const [renaming, setRenaming] = useState<Department | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: adminKeys.departments(office.code) });
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {office.name}的部门
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="行政复议机关">{office.reconsiderationOrgan ?? '未填写'}</Descriptions.Item>
        <Descriptions.Item label="管辖法院">{office.court ?? '未填写'}</Descriptions.Item>
        <Descriptions.Item label="创建时间">{formatMoment(office.createdAt)}</Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={departments.error} />
      <ModalForm<{ code: string; name: string }>
        title={`新建部门（${office.name}）`}
        trigger={<Button style={{ marginBottom: 12 }}>新建部门</Button>}
        modalProps={{ destroyOnClose: true, afterClose: () => setFormError(null) }}
        submitter={{ searchConfig: { submitText: '创建', resetText: '取消' } }}
        onFinish={async (v) => {
          try {
            await ok(
              api.POST('/api/admin/offices/{code}/departments', {
                params: { path: { code: office.code } },
                body: { code: v.code.trim(), name: v.name.trim() },
              }),
            );
          } catch (err) {
            setFormError(err);
            return false;
          }
          await refresh();
          return true;
        }}
      >
        <ErrorAlert error={formError} />
        <ProFormText
          name="code"
          label="部门代码"
          tooltip="创建后不能修改，例如 NRB"
          rules={[{ required: true, message: '请填写部门代码' }, CODE_RULE]}
        />
        <ProFormText name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]} />
      </ModalForm>
      <Table<Department>
        rowKey="code"
        size="small"
        loading={departments.isLoading}
        dataSource={departments.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '部门名称', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code' },
          { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatMoment(t) },
          {
            title: '操作',
            render: (_, d) => (
              <Button type="link" aria-label={`改名 ${d.name}`} onClick={() => setRenaming(d)}>
                改名
              </Button>
            ),
          },
        ]}
      />
      <ModalForm<{ name: string }>
        title={`部门改名：${renaming?.name ?? ''}`}
        open={!!renaming}
        onOpenChange={(o) => !o && setRenaming(null)}
        modalProps={{ destroyOnClose: true, afterClose: () => setFormError(null) }}
        initialValues={renaming ? { name: renaming.name } : undefined}
        submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
        onFinish={async (v) => {
          try {
            await ok(
              api.PATCH('/api/admin/offices/{code}/departments/{dept}', {
                params: { path: { code: office.code, dept: renaming!.code } },
                body: { name: v.name.trim() },
              }),
            );
          } catch (err) {
            setFormError(err);
            return false;
          }
          setRenaming(null);
          await refresh();
          return true;
        }}
      >
        <ErrorAlert error={formError} />
        <ProFormText name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]} />
      </ModalForm>
    </Card>
  );
}

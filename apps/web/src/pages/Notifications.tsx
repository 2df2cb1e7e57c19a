import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Tag, Typography } from 'antd';
import { api, ok } from '../api/client';
import { as, type NotificationsDto } from '../api/types';
import { navigate } from '../router';
import { officeTime } from '../today';

const KIND_LABELS: Record<string, { text: string; color: string }> = {
  reminder: { text: '到期提醒', color: 'orange' },
  escalation: { text: '逾期督办', color: 'red' },
  supervision: { text: '主管督办', color: 'purple' },
};

export default function Notifications() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => as<NotificationsDto>(ok(api.GET('/api/me/notifications'))) });
  const open = async (n: { id: string; applicationId: string; readAt: string | null }) => {
    if (!n.readAt) await api.POST('/api/me/notifications/{id}/read', { params: { path: { id: n.id } } });
    await qc.invalidateQueries({ queryKey: ['notifications'] });
    navigate(`/cases/${n.applicationId}`);
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        通知 <Badge count={list.data?.unread ?? 0} />
      </Typography.Title>
      <Card>
        {list.data?.items.length ? (
          <List
            dataSource={list.data.items}
            renderItem={(n) => (
              <List.Item style={{ cursor: 'pointer', fontWeight: n.readAt ? 'normal' : 600 }} onClick={() => void open(n)}>
                <List.Item.Meta
                  title={
                    <span>
                      <Tag color={KIND_LABELS[n.kind]?.color}>{KIND_LABELS[n.kind]?.text ?? n.kind}</Tag>
                      <a
                        href={`/cases/${n.applicationId}`}
                        onClick={(e) => {
                          e.preventDefault();
                        }}
                      >
                        {n.registrationNumber}
                      </a>
                      {!n.readAt && <Badge status="processing" text="未读" style={{ marginLeft: 8 }} />}
                    </span>
                  }
                  description={`${n.message} · ${officeTime(n.createdAt)}`}
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty description="没有通知" />
        )}
      </Card>
    </>
  );
}

// «Huy hiệu Đảng» on a member's page: the badges held (each with its decision, the day presented and
// any reissue), the next badge and the day the member reaches its years, and the decisions cancelled
// as mistakes. The committee's office records a decision for this member alone (a posthumous or an
// early award), the day a badge was presented, a badge given again, and cancels a record made by
// mistake with its reason (the shared cancel dialog): nothing is deleted. Every fact is the server's
// (GET /members/{code}/badges).
import { useState } from 'react';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { can, type Viewer } from '../api';
import { $api, errorText, type Schemas } from '../client';
import { vnDate } from '../labels';
import { vnDateTime } from '../time';
import { CancelDialog, type CancelTarget } from './CancelDialog';
import {
  badgeName,
  groundLabels,
  MemberAwardDialog,
  PresentationDialog,
  ReissueDialog,
  type BadgeHeld,
} from './badgeForms';

type BadgeRecord = Schemas['MemberBadges']['records'][number];

// The dialog open.
type Writing =
  | { form: 'award' }
  | { form: 'present'; held: BadgeHeld }
  | { form: 'reissue'; held: BadgeHeld }
  | { form: 'cancel'; target: CancelTarget };

export function MemberBadgesCard({ account, code, deceased }: { account: Viewer; code: string; deceased: boolean }) {
  const answer = $api.useQuery('get', '/api/v1/members/{code}/badges', { params: { path: { code } } });
  const data = answer.error ? undefined : answer.data;
  const [writing, setWriting] = useState<Writing | null>(null);
  const close = () => setWriting(null);
  const mayRecord = can.recordBadges(account);
  const records = data?.records ?? [];
  const name = data?.name ?? '';
  // A record standing that follows an award (its presentation, a reissue), for its «Hủy».
  const standing = (kind: BadgeRecord['kind'], award: number) =>
    records.filter((r) => r.kind === kind && r.refers === award && !r.cancelled);
  const cancel = (id: number, what: string) =>
    setWriting({ form: 'cancel', target: { kind: 'badge', member: code, id, what } });
  const cancelledAwards = records.filter((r) => r.kind === 'award' && r.cancelled);
  const cancellation = (id: number) => records.find((r) => r.kind === 'cancellation' && r.refers === id);
  // Who decided the last badge decides the next one, most likely.
  const lastDecidedBy = data && data.held.length > 0 ? data.held[data.held.length - 1].decided_by : '';
  return (
    <Card
      title="Huy hiệu Đảng"
      data-testid="member-badges"
      extra={
        mayRecord &&
        data && (
          <Button aria-haspopup="dialog" onClick={() => setWriting({ form: 'award' })} data-testid="badge-award-new">
            Ghi quyết định tặng…
          </Button>
        )
      }
    >
      {answer.error && <Alert type="error" message={errorText(answer.error)} />}
      {!data && !answer.error && <div style={{ minHeight: 80 }} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {data.held.length === 0 ? (
            <Typography.Text data-testid="member-badges-none">Đảng viên chưa được tặng Huy hiệu Đảng.</Typography.Text>
          ) : (
            <List<BadgeHeld>
              size="small"
              dataSource={[...data.held].reverse()}
              rowKey="id"
              renderItem={(h) => {
                const presentation = standing('presentation', h.id)[0];
                const reissues = standing('reissue', h.id);
                return (
                  <List.Item data-testid={`member-badge-${h.id}`}>
                    <Space direction="vertical" size={2} style={{ width: '100%' }}>
                      <span>
                        <b>{badgeName(h.years)}</b>
                        {h.ground !== 'none' && <Tag style={{ marginInlineStart: 8 }}>{groundLabels[h.ground]}</Tag>}
                      </span>
                      <span>
                        Quyết định số {h.decision_no} ngày {vnDate(h.decided_on)} của {h.decided_by} (đợt trao tặng{' '}
                        {vnDate(h.occasion)}).
                      </span>
                      <span data-testid={`member-badge-${h.id}-presented`}>
                        {h.presented_on ? `Đã trao ngày ${vnDate(h.presented_on)}.` : 'Chưa ghi ngày trao tặng.'}
                        {mayRecord && presentation && (
                          <Button
                            type="link"
                            size="small"
                            aria-label={`Hủy ngày trao ${badgeName(h.years)}`}
                            onClick={() =>
                              cancel(
                                presentation.id,
                                `ngày trao ${badgeName(h.years)} (${vnDate(presentation.dated)}) của ${name}`,
                              )
                            }
                          >
                            Hủy ngày trao
                          </Button>
                        )}
                      </span>
                      {h.reissues.map((x) => (
                        <Typography.Text type="secondary" key={x.id}>
                          Cấp lại theo quyết định số {x.decision_no} ngày {vnDate(x.decided_on)} của {x.decided_by}. Lý
                          do: {x.reason}.
                          {mayRecord && reissues.some((r) => r.id === x.id) && (
                            <Button
                              type="link"
                              size="small"
                              aria-label={`Hủy lần cấp lại ${badgeName(h.years)} ngày ${vnDate(x.decided_on)}`}
                              onClick={() =>
                                cancel(
                                  x.id,
                                  `lần cấp lại ${badgeName(h.years)} (quyết định số ${x.decision_no}) của ${name}`,
                                )
                              }
                            >
                              Hủy
                            </Button>
                          )}
                        </Typography.Text>
                      ))}
                      {mayRecord && (
                        <Space wrap size={8} style={{ marginTop: 4 }}>
                          {!h.presented_on && (
                            <Button
                              size="small"
                              aria-label={`Ghi ngày trao ${badgeName(h.years)}`}
                              onClick={() => setWriting({ form: 'present', held: h })}
                              data-testid={`member-badge-${h.id}-present`}
                            >
                              Ghi ngày trao
                            </Button>
                          )}
                          <Button
                            size="small"
                            aria-label={`Cấp lại ${badgeName(h.years)}`}
                            onClick={() => setWriting({ form: 'reissue', held: h })}
                            data-testid={`member-badge-${h.id}-reissue`}
                          >
                            Cấp lại
                          </Button>
                          <Button
                            size="small"
                            aria-label={`Hủy quyết định tặng ${badgeName(h.years)}`}
                            onClick={() =>
                              cancel(h.id, `quyết định tặng ${badgeName(h.years)} (số ${h.decision_no}) của ${name}`)
                            }
                            data-testid={`member-badge-${h.id}-cancel`}
                          >
                            Hủy
                          </Button>
                        </Space>
                      )}
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
          <Typography.Text data-testid="member-badges-next">
            {data.next_years === null ? (
              'Đảng viên đã được tặng Huy hiệu Đảng cao nhất.'
            ) : data.next_due ? (
              <>
                Huy hiệu tiếp theo: <b>{badgeName(data.next_years)}</b>, đủ tuổi Đảng ngày{' '}
                <b>{vnDate(data.next_due)}</b>.
              </>
            ) : (
              `Huy hiệu tiếp theo: ${badgeName(data.next_years)}; chưa tính được ngày đủ tuổi Đảng (đảng viên đang ở ngoài Đảng).`
            )}
          </Typography.Text>
          {cancelledAwards.length > 0 && (
            <div data-testid="member-badges-cancelled">
              <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
                Quyết định đã hủy do ghi nhầm
              </Typography.Title>
              {cancelledAwards.map((r) => {
                const c = cancellation(r.id);
                return (
                  <Space key={r.id} direction="vertical" size={0} style={{ display: 'flex', marginBottom: 6 }}>
                    <span>
                      <span style={{ textDecoration: 'line-through', color: '#666' }}>
                        {badgeName(r.years)}: quyết định số {r.decision_no} ngày {vnDate(r.dated)}
                      </span>
                      <Tag style={{ marginInlineStart: 8 }} data-testid="cancelled-mark">
                        Đã hủy
                      </Tag>
                    </span>
                    {c && (
                      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                        Hủy lúc {vnDateTime(c.recorded_at)}, người hủy: {c.recorded_by}. Lý do: {c.note}
                      </Typography.Text>
                    )}
                  </Space>
                );
              })}
            </div>
          )}
        </Space>
      )}
      {writing?.form === 'award' && data && (
        <MemberAwardDialog
          code={code}
          name={name}
          nextYears={data.next_years}
          deceased={deceased}
          decidedBy={lastDecidedBy}
          onClose={close}
        />
      )}
      {writing?.form === 'present' && (
        <PresentationDialog code={code} name={name} held={writing.held} onClose={close} />
      )}
      {writing?.form === 'reissue' && <ReissueDialog code={code} name={name} held={writing.held} onClose={close} />}
      {writing?.form === 'cancel' && <CancelDialog target={writing.target} onClose={close} />}
    </Card>
  );
}

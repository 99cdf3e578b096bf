// «Đánh giá, xếp loại chất lượng» on a member's page: each year's result, latest first — the
// committee's decision (its category, number and day), else the branch's proposal or the member's
// self-assessment as they stand — and the decisions cancelled as mistakes. Whoever may decide
// ratings cancels a decision recorded by mistake with its reason (the shared cancel dialog):
// nothing is deleted. Every fact is the server's (GET /members/{code}/ratings).
import { useState } from 'react';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { can, type Viewer } from '../api';
import { $api, errorText, type Schemas } from '../client';
import { vnDateTime } from '../time';
import { CancelDialog, type CancelTarget } from './CancelDialog';
import { decisionText, scoreAndCategory, stepLabels, type RatingRecord } from './ratingForms';

type RatingYear = Schemas['MemberRatings']['years'][number];

export function MemberRatingsCard({ account, code }: { account: Viewer; code: string }) {
  const answer = $api.useQuery('get', '/api/v1/members/{code}/ratings', { params: { path: { code } } });
  const data = answer.error ? undefined : answer.data;
  const [cancelling, setCancelling] = useState<CancelTarget | null>(null);
  const mayDecide = can.decideRatings(account);
  // A list of records has no null among them (the schema's record is nullable for the years').
  const records = (data?.records ?? []).filter((r): r is RatingRecord => !!r);
  const cancelledDecisions = records.filter((r) => r.step === 'decision' && r.cancelled);
  const cancellation = (id: number) => records.find((r) => r.step === 'cancellation' && r.refers === id);
  return (
    <Card title="Đánh giá, xếp loại chất lượng" data-testid="member-ratings">
      {answer.error && <Alert type="error" message={errorText(answer.error)} />}
      {!data && !answer.error && <div style={{ minHeight: 80 }} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {data.years.length === 0 ? (
            <Typography.Text data-testid="member-ratings-none">
              Chưa có kết quả đánh giá, xếp loại chất lượng của đảng viên.
            </Typography.Text>
          ) : (
            <List<RatingYear>
              size="small"
              dataSource={data.years}
              rowKey="year"
              renderItem={(y) => (
                <List.Item data-testid={`member-rating-${y.year}`}>
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <span>
                      <b>Năm {y.year}:</b>{' '}
                      {y.decision ? (
                        <b>{y.decision.category_label}</b>
                      ) : (
                        <Typography.Text type="secondary">chưa có quyết định xếp loại</Typography.Text>
                      )}
                    </span>
                    {y.decision && (
                      <span>
                        {decisionText(y.decision)}
                        {y.decision.score ? ` (điểm ${y.decision.score})` : ''}.
                        {mayDecide && (
                          <Button
                            type="link"
                            size="small"
                            aria-label={`Hủy quyết định xếp loại năm ${y.year}`}
                            onClick={() =>
                              setCancelling({
                                kind: 'rating',
                                member: code,
                                id: y.decision!.id,
                                what: `quyết định xếp loại năm ${y.year} (số ${y.decision!.decision_no}) của ${data.name}`,
                              })
                            }
                            data-testid={`member-rating-${y.year}-cancel`}
                          >
                            Hủy
                          </Button>
                        )}
                      </span>
                    )}
                    {!y.decision &&
                      (['proposal', 'self'] as const).map((step) => {
                        const r = y[step];
                        return (
                          r && (
                            <span key={step}>
                              {stepLabels[step]}: {scoreAndCategory(r)}
                            </span>
                          )
                        );
                      })}
                  </Space>
                </List.Item>
              )}
            />
          )}
          {cancelledDecisions.length > 0 && (
            <div data-testid="member-ratings-cancelled">
              <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
                Quyết định đã hủy do ghi nhầm
              </Typography.Title>
              {cancelledDecisions.map((r) => {
                const c = cancellation(r.id);
                return (
                  <Space key={r.id} direction="vertical" size={0} style={{ display: 'flex', marginBottom: 6 }}>
                    <span>
                      <span style={{ textDecoration: 'line-through', color: '#666' }}>
                        Năm {r.year}: {r.category_label} ({decisionText(r)})
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
      {cancelling && <CancelDialog target={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

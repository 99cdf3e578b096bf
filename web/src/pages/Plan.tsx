// The year's plan of an organization: its own target per plannable indicator, and the progress of
// its whole subtree against the subtree's targets (computed by the server).
import { useEffect, useState } from 'react';
import { Alert, Button, Card, InputNumber, Space, Table, Typography, message } from 'antd';
import { can, type Viewer } from '../api';
import { go } from '../route';
import { atField } from './forms';
import { $api, client, errorText } from '../client';
import { vnNumber } from '../labels';
import { useTree } from './Tree';
import { useNarrow } from '../shell/AppHeader';

export function PlanPage({ account, code: given }: { account: Viewer; code?: string }) {
  const narrow = useNarrow();
  const { root } = useTree(null);
  const code = given || account.org || root?.code || '';
  const [year, setYear] = useState(new Date().getFullYear());
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  // A refused target is shown under its own row's field.
  const [refused, setRefused] = useState<Record<string, string>>({});
  const path = { code };
  const planQuery = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/plan',
    { params: { path, query: { year } } },
    { enabled: !!code },
  );
  const plan = planQuery.error ? undefined : planQuery.data;
  const error = errorText(planQuery.error);
  // The fields start from the targets saved (again after each save).
  useEffect(() => {
    if (planQuery.data) setDraft(Object.fromEntries(planQuery.data.targets.map((t) => [t.indicator, t.target])));
  }, [planQuery.data]);
  const progressQuery = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/indicators',
    { params: { path, query: { period: String(year) } } },
    { enabled: !!code },
  );
  const progress = progressQuery.data;
  const progressError = !!progressQuery.error;
  const save = async (indicator: string) => {
    try {
      await client.POST('/api/v1/orgs/{code}/plan', {
        params: { path: { code } },
        body: { year, indicator, target: draft[indicator] ?? 0 },
      });
      message.success('Đã lưu chỉ tiêu.');
      setRefused({ ...refused, [indicator]: '' });
    } catch (e) {
      setRefused({ ...refused, [indicator]: atField((e as Error).message) });
    }
  };
  const editable = can.plan(account);
  return (
    <Card
      title={`Kế hoạch năm ${year}${plan ? ` – ${plan.org_name}` : ''}`}
      extra={
        <Space>
          <InputNumber
            aria-label="Năm"
            addonBefore="Năm"
            value={year}
            min={1990}
            max={2100}
            onChange={(y) => y && setYear(y)}
          />
          <Button onClick={() => go('report', code)}>Báo cáo</Button>
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      {plan && (
        <Table
          scroll={{ x: 'max-content' }}
          rowKey="indicator"
          size="small"
          pagination={false}
          dataSource={plan.targets}
          data-testid="plan"
          columns={[
            { title: 'Chỉ tiêu', dataIndex: 'label', width: narrow ? 150 : undefined },
            {
              title: 'Chỉ tiêu năm của tổ chức',
              render: (_, t) => (
                <Space direction="vertical" size={2}>
                  <Space>
                    {editable ? (
                      <InputNumber
                        aria-label={`Chỉ tiêu ${t.label}`}
                        data-testid={`target-${t.indicator}`}
                        min={0}
                        max={10000000}
                        status={refused[t.indicator] ? 'error' : undefined}
                        value={draft[t.indicator] ?? null}
                        onChange={(v) => setDraft({ ...draft, [t.indicator]: v })}
                        addonAfter={t.unit}
                      />
                    ) : (
                      // Read only: the target as text (a disabled field is too faint to read).
                      <Typography.Text data-testid={`target-${t.indicator}`}>
                        {draft[t.indicator] != null ? `${vnNumber(Number(draft[t.indicator]))} ${t.unit}` : 'Chưa giao'}
                      </Typography.Text>
                    )}
                    {editable && (
                      <Button onClick={() => save(t.indicator)} data-testid={`save-${t.indicator}`}>
                        Lưu
                      </Button>
                    )}
                  </Space>
                  {refused[t.indicator] && (
                    <Typography.Text type="danger" data-testid={`refused-${t.indicator}`}>
                      {refused[t.indicator]}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: 'Thực hiện trong năm (cả các tổ chức trực thuộc) so với kế hoạch',
              render: (_, t) => (
                <span data-testid={`progress-${t.indicator}`}>
                  {progress
                    ? progressText(progress.indicators.find((i) => i.id === t.indicator))
                    : progressError
                      ? 'Chưa tính được'
                      : 'Đang tính…'}
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

// The year's work against the plan, each number named: what was done, the plan of the whole subtree
// (the organization's own target plus those of the organizations below), and the share.
function progressText(
  i: { year_done?: number | null; target?: number | null; plan_pct?: number | null; unit: string } | undefined,
) {
  if (!i || i.target == null) return '—';
  const pct = i.plan_pct == null ? '' : ` · Đạt ${i.plan_pct.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  return `Đã thực hiện ${vnNumber(i.year_done ?? 0)} · Kế hoạch ${vnNumber(i.target)} ${i.unit}${pct}`;
}

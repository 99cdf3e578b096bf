// A candidate's admission file (hồ sơ kết nạp) on the candidate's page: what it holds — the course
// certificate, the background check, the Youth Union's introduction, the sponsors — and what the
// server says it still lacks (`admission_gaps` of the dossier: the rule set's `admission`, judged
// today), each piece recorded from here as one dossier record (DossierChange.tsx). The branch's
// vote is not part of it: it comes with the admission event (Member.tsx).
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Grid, Space, Typography } from 'antd';
import { can, type Dossier, type DossierFact, type Viewer } from '../api';
import { $api, errorText } from '../client';
import { dossierFields, upperFirst, vnDate, type DossierFieldInfo } from '../labels';
import { DossierChangeDialog } from './DossierChange';
import { admissionFileTitle } from './dossierFields';

// Where the event form's refusal sends the user (Member.tsx).
export const admissionFileId = 'admission-file';

// The buttons that record a piece of the file, short enough for a phone's width.
export const admissionAddText: Record<string, string> = {
  party_course: 'Ghi giấy chứng nhận…',
  background_check: 'Ghi kết luận thẩm tra…',
  youth_union_introduction: 'Ghi giới thiệu của Đoàn…',
  sponsor: 'Thêm đảng viên giới thiệu…',
};

export function AdmissionFileCard({ account, code }: { account: Viewer; code: string }) {
  // The same answer as the dossier card's (one request: TanStack Query keys it by route and params).
  const answer = $api.useQuery('get', '/api/v1/members/{code}/dossier', {
    params: { path: { code }, query: {} },
  });
  const dossier: Dossier | undefined = answer.error ? undefined : answer.data;
  const screens = Grid.useBreakpoint();
  const [adding, setAdding] = useState<DossierFieldInfo | null>(null);
  const writes = can.writeMembers(account);
  if (answer.error) {
    return (
      <Card title={admissionFileTitle}>
        <Alert type="error" message={errorText(answer.error)} />
      </Card>
    );
  }
  if (!dossier) return <Card title={admissionFileTitle} loading />;
  // Not a candidate (any more): the file is part of the member's dossier.
  const gaps = dossier.admission_gaps;
  if (!gaps) return null;

  const facts = new Map(dossier.facts.map((f) => [f.field, f]));
  const info = new Map(dossierFields().map((f) => [f.value, f]));
  // The button that records a piece, for whoever may write members.
  const add = (field: string, text = admissionAddText[field]) => {
    const f = info.get(field);
    if (!writes || !f) return null;
    return (
      <Button size="small" onClick={() => setAdding(f)}>
        {text}
      </Button>
    );
  };
  const rows: { field: string; value: ReactNode; action: ReactNode }[] = [];
  const course = facts.get('party_course')?.current;
  rows.push({
    field: 'party_course',
    value: course ? (
      <span>
        Số {course.value_label}, <Dated words="cấp ngày" date={course.from} />
      </span>
    ) : (
      <Missing />
    ),
    action: add('party_course', course ? 'Ghi giấy chứng nhận mới…' : undefined),
  });
  const check = facts.get('background_check')?.current;
  rows.push({
    field: 'background_check',
    value: check ? <Dated words="Đã kết luận ngày" date={check.from} /> : <Missing text="Chưa kết luận" />,
    action: check ? null : add('background_check'),
  });
  const youth = facts.get('youth_union_introduction')?.current;
  rows.push({
    field: 'youth_union_introduction',
    value: youth ? <Dated words="Có, ngày" date={youth.from} /> : <Missing text="Không" />,
    action: youth ? null : add('youth_union_introduction'),
  });
  rows.push({
    field: 'sponsor',
    value: <Sponsors fact={facts.get('sponsor')} />,
    action: add('sponsor'),
  });

  return (
    <Card title={admissionFileTitle} id={admissionFileId} data-testid={admissionFileId}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {gaps.length === 0 ? (
          <Alert
            type="success"
            showIcon
            message="Hồ sơ kết nạp đã đủ để chi bộ xét."
            data-testid="admission-complete"
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="admission-gaps"
            message="Còn thiếu:"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {gaps.map((g) => (
                  <li key={`${g.rule}:${g.message}`}>{upperFirst(g.message)}.</li>
                ))}
              </ul>
            }
          />
        )}
        <Descriptions
          column={1}
          size="small"
          bordered
          // A phone reads each label above its value; a desk, beside it.
          layout={screens.sm ? 'horizontal' : 'vertical'}
          styles={{ label: screens.sm ? { width: '40%' } : {} }}
          items={rows
            .filter((r) => info.has(r.field))
            .map((r) => ({
              key: r.field,
              label: info.get(r.field)?.label,
              children: (
                <Space direction="vertical" size={4} data-testid={`admission-${r.field}`}>
                  {r.value}
                  {r.action}
                </Space>
              ),
            }))}
        />
      </Space>
      {adding && (
        <DossierChangeDialog code={code} target={{ field: adding, replaces: null }} onClose={() => setAdding(null)} />
      )}
    </Card>
  );
}

function Dated({ words, date }: { words: string; date: string }) {
  return (
    <span>
      {words} {vnDate(date)}
    </span>
  );
}

function Missing({ text = 'Chưa có' }: { text?: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

// Each sponsor as the server names them («Họ tên (mã)» where the account holds them, else the
// code) and since when they have worked with the candidate, in the order recorded.
function Sponsors({ fact }: { fact: DossierFact | undefined }) {
  const entries = (fact?.history ?? []).filter((e) => e.value);
  if (!entries.length) return <Missing />;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {entries.map((e) => (
        <li key={e.id}>
          {e.value_label} <Typography.Text type="secondary">— cùng công tác từ {vnDate(e.from)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

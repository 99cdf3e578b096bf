// The results of the Party organizations of an org's subtree for a year (xếp loại chất lượng tổ
// chức đảng, Quy định 366-QĐ/TW, and the emulation titles «Chi bộ bốn tốt», …): how many orgs are
// to be rated, how many the committees decided and in which category, the warning when «xuất sắc»
// exceed the rule set's quota, each title's registrations and recognitions, the members' results —
// then every org in the tree's order with the committee that decides it, its self-assessment, the
// decision, its members' results and its titles. Whoever writes members records an org's
// self-assessment or its registration for a title (orgResultForms.tsx); on a committee's page,
// whoever may decide ratings chooses the orgs directly under it and records the committee's
// decision on their rating or on a title, and reads that decision as a preview and as Word and
// Excel files. Every row and count is the server's (GET /orgs/{code}/org-results); a table at a
// desk, a card per org on a phone.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, List, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { can, query, type Viewer } from '../api';
import { $api, errorText } from '../client';
import { Select } from '../controls';
import { emulationTitles, label, upperFirst, vnDate, vnNumber, vnPercent } from '../labels';
import { useNarrow } from '../shell/AppHeader';
import { CancelDialog, type CancelTarget } from './CancelDialog';
import { DocumentHtml, previewOf } from './DocumentPreview';
import { OrgPicker } from './OrgPicker';
import {
  categories,
  categoryLabels,
  countsText,
  countsTotal,
  EmulationDecisionDialog,
  EmulationDialog,
  OrgDecisionDialog,
  orgDecisionText,
  quoted,
  OrgRatingDialog,
  type OrgResultRecord,
  type OrgResultRow,
  type OrgResults,
} from './orgResultForms';
import { useTree } from './Tree';
import { useYearInAddress, yearOptions } from './yearChoice';

// What a committee's decision is about: the rating of its orgs, or an emulation title's code.
const ratingSubject = 'rating';

const isCommittee = (kind: string | undefined) => kind === 'upper_committee' || kind === 'grassroots_committee';

export function OrgResultsPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  // The year from the address (a bookmark, the back button, a link), else the round being held.
  const [year, setYear] = useYearInAddress(org);
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/org-results',
    { params: { path: { code: org }, query: { year } } },
    { enabled: !!org },
  );
  const data = answer.error ? undefined : answer.data;
  const error = errorText(answer.error);
  // A committee decides on the orgs directly under it: the rating, or a title.
  const committee = isCommittee(data?.rows[0]?.kind);
  const [subject, setSubject] = useState(ratingSubject);
  const titles = data?.titles ?? [];
  const shownSubject = titles.some((t) => t.title === subject) ? subject : ratingSubject;
  const subjectTitle = titles.find((t) => t.title === shownSubject);
  // The committee's decision as the server writes it: the files, and the preview on demand.
  const file = (format: string) =>
    `/api/v1/orgs/${encodeURIComponent(org)}/org-results/decision/document${query({ year, title: subjectTitle?.title, format })}`;
  const [printShown, setPrintShown] = useState(false);
  const preview = useQuery({
    queryKey: ['org-results-preview', org, year, shownSubject],
    queryFn: ({ signal }) => previewOf(file('html'), signal),
    enabled: !!org && committee && printShown,
  });
  const [html, previewError] = preview.data ?? ['', ''];
  // The print opens just below the figures; on a phone it may start below the screen's edge.
  const printRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (printShown && html) printRef.current?.scrollIntoView({ block: 'start' });
  }, [printShown, html]);
  const title = `Xếp loại tổ chức đảng và thi đua năm ${year}`;
  const decisionName = subjectTitle
    ? `quyết định công nhận ${quoted(subjectTitle.label)}`
    : 'quyết định xếp loại chất lượng tổ chức đảng';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={data ? `${title} — ${data.org_name}` : title}
        data-testid="org-results"
        extra={
          <Space wrap>
            <OrgPicker root={root} org={org} page="org-results" testid="org-results-org" />
            <Select
              aria-label="Năm"
              data-testid="org-results-year"
              style={{ width: 130 }}
              virtual={false}
              value={year}
              onChange={setYear}
              // Next year too: titles are registered for it late in this one.
              options={yearOptions(year, 1).map((y) => ({ value: y, label: `Năm ${y}` }))}
            />
          </Space>
        }
      >
        <Spin spinning={answer.isFetching} tip="Đang tải kết quả xếp loại…">
          {error && <Alert type="error" showIcon message="Chưa xem được kết quả xếp loại" description={error} />}
          {!data && !error && <div style={{ minHeight: 120 }} />}
          {data && <KeyFigures data={data} />}
          {data && committee && (
            <Space wrap style={{ marginTop: 16 }} data-testid="org-results-documents">
              <span aria-hidden>Quyết định của cấp ủy về</span>
              <Select
                aria-label="Quyết định của cấp ủy về"
                data-testid="org-results-subject"
                style={{ width: 320, maxWidth: '100%' }}
                virtual={false}
                value={shownSubject}
                onChange={setSubject}
                options={[
                  { value: ratingSubject, label: 'Xếp loại chất lượng tổ chức đảng' },
                  ...titles.map((t) => ({ value: t.title, label: `Công nhận ${quoted(t.label)}` })),
                ]}
              />
              <Button href={file('docx')} data-testid="org-results-docx">
                Tải Word (.docx)
              </Button>
              <Button href={file('xlsx')} data-testid="org-results-xlsx">
                Tải Excel (.xlsx)
              </Button>
              <Button
                aria-expanded={printShown}
                aria-controls="org-results-print"
                onClick={() => setPrintShown(!printShown)}
                data-testid="org-results-print-toggle"
              >
                {printShown ? 'Ẩn bản in quyết định' : 'Xem bản in quyết định'}
              </Button>
            </Space>
          )}
        </Spin>
      </Card>
      {printShown && committee && (
        <div id="org-results-print" ref={printRef}>
          <Card title={`Bản in ${decisionName} năm ${year}`} data-testid="org-results-preview">
            <Spin spinning={preview.isFetching} tip="Đang tạo bản in…">
              {previewError && (
                <Alert type="warning" showIcon message="Chưa xem được bản in" description={previewError} />
              )}
              {html ? (
                <DocumentHtml html={html} label={`Nội dung ${decisionName}`} />
              ) : (
                <div style={{ minHeight: 120 }} />
              )}
            </Spin>
          </Card>
        </div>
      )}
      {data && data.rows.length > 0 && (
        <OrgResultList account={account} data={data} committee={committee} subject={shownSubject} />
      )}
    </Space>
  );
}

// What the page covers, the orgs' counts (to rate, decided, by category, too new), the quota's
// warning, each title's registrations and recognitions, and the members' results.
function KeyFigures({ data }: { data: OrgResults }) {
  const decided = countsTotal(data.orgs);
  const members = countsTotal(data.members);
  const figure = (title: string, count: number, testid: string, note?: string) => (
    <Col key={testid} xs={12} sm={8} lg={6} xl={4}>
      <Statistic
        title={title}
        value={`${vnNumber(count)} tổ chức`}
        formatter={() => `${vnNumber(count)} tổ chức`}
        valueStyle={{ fontSize: '1.3em' }}
        data-testid={testid}
      />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Col>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text data-testid="org-results-period">
        {data.org_name}: {vnNumber(data.to_rate)} tổ chức đảng cấp dưới phải đánh giá, xếp loại chất lượng năm{' '}
        {data.year} (tính đến ngày {vnDate(data.as_of)})
        {data.too_new > 0 ? `, ${vnNumber(data.too_new)} tổ chức mới thành lập chưa xếp loại` : ''}.
      </Typography.Text>
      {data.quota_warning && (
        <Alert type="warning" showIcon message={data.quota_warning} data-testid="org-results-quota-warning" />
      )}
      <Row gutter={[16, 12]}>
        {figure('Phải đánh giá, xếp loại', data.to_rate, 'org-results-to-rate')}
        {figure('Đã có quyết định xếp loại', decided, 'org-results-decided')}
        {categories.map((c) =>
          figure(
            categoryLabels[c],
            data.orgs[c],
            `org-results-count-${c}`,
            decided > 0 ? `${vnPercent((data.orgs[c] * 100) / decided)} số đã xếp loại` : undefined,
          ),
        )}
        {data.too_new > 0 && figure('Mới thành lập, chưa xếp loại', data.too_new, 'org-results-too-new')}
      </Row>
      <div>
        <Typography.Title level={2} style={{ fontSize: '1.05em', margin: '4px 0 6px' }}>
          Danh hiệu thi đua năm {data.year}
        </Typography.Title>
        {data.titles.map((t) => (
          <div key={t.title} data-testid={`org-results-title-${t.title}`}>
            {quoted(t.label)}:{' '}
            {t.registered === 0 && t.recognized === 0 && t.not_recognized === 0
              ? 'chưa có tổ chức nào đăng ký.'
              : `${vnNumber(t.registered)} tổ chức đăng ký, ${vnNumber(t.recognized)} được công nhận, ${vnNumber(t.not_recognized)} không được công nhận.`}
          </div>
        ))}
      </div>
      <Typography.Text data-testid="org-results-members">
        {members === 0
          ? `Chưa có quyết định xếp loại chất lượng đảng viên năm ${data.year}.`
          : `Đảng viên đã có quyết định xếp loại: ${vnNumber(members)}, trong đó ${categories
              .filter((c) => data.members[c] > 0)
              .map(
                (c) =>
                  `${vnNumber(data.members[c])} ${categoryLabels[c].toLocaleLowerCase('vi')} (${vnPercent((data.members[c] * 100) / members)})`,
              )
              .join(', ')}.`}
      </Typography.Text>
    </Space>
  );
}

const pageSize = 50;
// A title's tag wraps within its column.
const tagStyle = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;

// A cancel link beside a record, for whoever may cancel it.
function CancelLink({ label, onClick, testid }: { label: string; onClick: () => void; testid: string }) {
  return (
    <Button
      type="link"
      size="small"
      style={{ paddingInline: 4, height: 'auto' }}
      aria-label={label}
      aria-haspopup="dialog"
      onClick={onClick}
      data-testid={testid}
    >
      Hủy
    </Button>
  );
}

// The org's name, indented by its depth below the page's org, with its kind and the committee
// that decides its rating; a link to its page. Inside a line of text (a card) the link is
// underlined: colour alone does not set it apart.
function NameCell({ row, inText = false }: { row: OrgResultRow; inText?: boolean }) {
  return (
    <div style={{ paddingInlineStart: inText ? 0 : Math.min(row.depth, 6) * 16, maxWidth: inText ? undefined : 240 }}>
      <a
        href={`#/org/${encodeURIComponent(row.org)}`}
        style={inText ? { textDecoration: 'underline' } : undefined}
        data-testid="org-results-name"
      >
        {row.org_name}
      </a>{' '}
      <Tag style={{ marginInlineEnd: 0 }}>{label('org_kinds', row.kind)}</Tag>
      {row.too_new && (
        <Tag color="orange" style={{ marginInlineStart: 4 }}>
          Mới thành lập, chưa xếp loại
        </Tag>
      )}
      {row.competent_name && row.kind !== 'cluster' && (
        <div>
          <Typography.Text type="secondary" data-testid={`org-results-competent-${row.org}`}>
            Cấp ủy quyết định: {row.competent_name}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function OrgResultList({
  account,
  data,
  committee,
  subject,
}: {
  account: Viewer;
  data: OrgResults;
  committee: boolean;
  subject: string;
}) {
  const narrow = useNarrow();
  const rows = data.rows;
  const mayWrite = can.writeMembers(account);
  const mayCancelDecision = can.decideRatings(account);
  const mayDecide = can.decideRatings(account) && committee;
  const titleInfo = data.titles.find((t) => t.title === subject);
  const titleOf = (r: OrgResultRow, code: string) => r.titles.find((t) => t.title === code);
  // Rated: an org with a committee above it (a cluster is none: its orgs are rated).
  const rated = (r: OrgResultRow) => !!r.competent && r.kind !== 'cluster' && !r.too_new;
  const writable = (r: OrgResultRow) => mayWrite && rated(r) && !r.decision;
  // The titles an org's kind may register for and it has not registered for this year.
  const registrable = (r: OrgResultRow) =>
    mayWrite && r.kind !== 'cluster'
      ? emulationTitles().filter((t) => t.org_kinds.includes(r.kind) && !titleOf(r, t.code)?.registration)
      : [];
  // The orgs chosen for a decision: at first, and after each decision recorded, every org directly
  // under this committee with what the decision needs (a self-assessment, a registration) and no
  // decision yet.
  const list = `${data.org}|${data.year}|${subject}`;
  const open = rows
    .filter((r) => {
      if (r.competent !== data.org) return false;
      if (!titleInfo) return rated(r) && !!r.proposal && !r.decision;
      const t = titleOf(r, titleInfo.title);
      return !!t?.registration && !t.decision;
    })
    .map((r) => r.org);
  const [picked, setPicked] = useState<{ list: string; keys: string[] } | null>(null);
  const openKeys = new Set(open);
  const selected = new Set(picked?.list === list ? picked.keys.filter((k) => openKeys.has(k)) : open);
  const choose = (keys: string[]) => setPicked({ list, keys });
  const toggle = (r: OrgResultRow, on: boolean) =>
    choose(on ? [...selected, r.org] : [...selected].filter((k) => k !== r.org));
  const chosen = rows.filter((r) => selected.has(r.org));
  const [rating, setRating] = useState<OrgResultRow | null>(null);
  const [registering, setRegistering] = useState<OrgResultRow | null>(null);
  // The orgs of the decision being recorded, as they were chosen when the dialog opened.
  const [deciding, setDeciding] = useState<OrgResultRow[] | null>(null);
  const [cancelling, setCancelling] = useState<CancelTarget | null>(null);
  // The quota's warning of the decision just recorded.
  const [warning, setWarning] = useState<string | null>(null);
  const cancel = (r: OrgResultRow, record: OrgResultRecord, what: string) =>
    setCancelling({ kind: 'org_result', org: r.org, id: record.id, what: `${what} của ${r.org_name}` });

  const proposalCell = (r: OrgResultRow, inText = false) => {
    const p = r.proposal;
    if (!p)
      return (
        <Typography.Text type="secondary" data-testid={`org-results-proposal-${r.org}`}>
          {rated(r) ? (inText ? 'chưa có' : 'Chưa có') : '—'}
        </Typography.Text>
      );
    const facts = [
      p.tasks_late_percent > 0 ? `chậm tiến độ ${p.tasks_late_percent}%` : '',
      p.tasks_exceeding_percent > 0 ? `vượt yêu cầu ${p.tasks_exceeding_percent}%` : '',
      p.disciplined ? 'có kỷ luật trong năm' : '',
    ].filter(Boolean);
    const cancelLink = mayWrite && !r.decision && (
      <CancelLink
        label={`Hủy tự đánh giá năm ${data.year} của ${r.org_name}`}
        onClick={() => cancel(r, p, `bản tự đánh giá năm ${data.year}`)}
        testid={`org-results-proposal-cancel-${r.org}`}
      />
    );
    if (inText)
      return (
        <span data-testid={`org-results-proposal-${r.org}`}>
          {p.score ? `Điểm ${p.score} — ` : ''}
          {p.category_label}
          {facts.length > 0 ? ` (${facts.join(', ')})` : ''}
          {cancelLink}
        </span>
      );
    return (
      <Space direction="vertical" size={0} data-testid={`org-results-proposal-${r.org}`} style={{ maxWidth: 180 }}>
        {p.score && <span>Điểm {p.score}</span>}
        <span>{p.category_label}</span>
        {facts.length > 0 && <Typography.Text type="secondary">{upperFirst(facts.join(', '))}</Typography.Text>}
        {cancelLink}
      </Space>
    );
  };

  const decisionCell = (r: OrgResultRow) => {
    const d = r.decision;
    return (
      <Space direction="vertical" size={0} data-testid={`org-results-decision-${r.org}`} style={{ maxWidth: 200 }}>
        {d ? (
          <>
            <b>{d.category_label}</b>
            <span>
              {orgDecisionText(d)}
              {r.decided_by_name && r.decided_by !== r.competent ? ` của ${r.decided_by_name}` : ''}
            </span>
            {mayCancelDecision && (
              <CancelLink
                label={`Hủy quyết định xếp loại năm ${data.year} của ${r.org_name}`}
                onClick={() => cancel(r, d, `quyết định xếp loại năm ${data.year} (số ${d.decision_no})`)}
                testid={`org-results-decision-cancel-${r.org}`}
              />
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{rated(r) ? 'Chưa có quyết định' : '—'}</Typography.Text>
        )}
      </Space>
    );
  };

  const membersCell = (r: OrgResultRow) => {
    const members = countsText(r.members);
    const below = countsText(r.orgs_below);
    return (
      <Space direction="vertical" size={0} data-testid={`org-results-members-${r.org}`} style={{ maxWidth: 190 }}>
        {members ? (
          <span>
            Đảng viên: {vnNumber(countsTotal(r.members))} đã xếp loại ({members})
          </span>
        ) : (
          <Typography.Text type="secondary">Đảng viên: chưa có quyết định</Typography.Text>
        )}
        {below && (
          <span>
            Tổ chức trực thuộc: {vnNumber(countsTotal(r.orgs_below))} đã xếp loại ({below})
          </span>
        )}
      </Space>
    );
  };

  const titlesCell = (r: OrgResultRow) => {
    const tags: ReactNode[] = r.titles.map((t) => {
      const name =
        emulationTitles().find((e) => e.code === t.title)?.label ??
        data.titles.find((e) => e.title === t.title)?.label ??
        t.title;
      const d = t.decision;
      const reg = t.registration;
      return (
        <span key={t.title} style={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap' }}>
          {d ? (
            d.recognized ? (
              <Tag color="green" style={tagStyle}>
                Được công nhận {quoted(name)}
              </Tag>
            ) : (
              <Tag color="red" style={tagStyle}>
                Không được công nhận {quoted(name)}
              </Tag>
            )
          ) : (
            <Tag color="blue" style={tagStyle}>
              Đã đăng ký {quoted(name)}
            </Tag>
          )}
          {d && mayCancelDecision && (
            <CancelLink
              label={`Hủy quyết định công nhận ${quoted(name)} năm ${data.year} của ${r.org_name}`}
              onClick={() =>
                cancel(r, d, `quyết định công nhận ${quoted(name)} năm ${data.year} (số ${d.decision_no})`)
              }
              testid={`org-results-title-decision-cancel-${r.org}-${t.title}`}
            />
          )}
          {!d && reg && mayWrite && (
            <CancelLink
              label={`Hủy đăng ký ${quoted(name)} năm ${data.year} của ${r.org_name}`}
              onClick={() => cancel(r, reg, `đăng ký ${quoted(name)} năm ${data.year}`)}
              testid={`org-results-registration-cancel-${r.org}-${t.title}`}
            />
          )}
        </span>
      );
    });
    return (
      <Space size={[0, 4]} wrap data-testid={`org-results-titles-${r.org}`} style={{ maxWidth: 190 }}>
        {tags.length > 0 ? tags : <Typography.Text type="secondary">Chưa đăng ký</Typography.Text>}
      </Space>
    );
  };

  // In a table's column, one above the other (the table stays within a desk's screen).
  const actions = (r: OrgResultRow, stacked = false) => {
    const rate = writable(r);
    const register = registrable(r).length > 0;
    if (!rate && !register) return null;
    return (
      <Space wrap size={8} direction={stacked ? 'vertical' : 'horizontal'}>
        {rate && (
          <Button
            size="small"
            aria-haspopup="dialog"
            aria-label={`Tự đánh giá: ${r.org_name}`}
            onClick={() => setRating(r)}
            data-testid={`org-results-rate-${r.org}`}
          >
            Tự đánh giá
          </Button>
        )}
        {register && (
          <Button
            size="small"
            aria-haspopup="dialog"
            aria-label={`Đăng ký thi đua: ${r.org_name}`}
            onClick={() => setRegistering(r)}
            data-testid={`org-results-register-${r.org}`}
          >
            Đăng ký thi đua
          </Button>
        )}
      </Space>
    );
  };
  const anyAction = rows.some((r) => writable(r) || registrable(r).length > 0);
  const pagination = { pageSize, hideOnSinglePage: true, showSizeChanger: false };
  const decisionWhat = titleInfo ? `quyết định công nhận ${quoted(titleInfo.label)}` : 'quyết định xếp loại';
  return (
    <Card title={`Danh sách tổ chức đảng (${vnNumber(rows.length)})`} data-testid="org-results-list">
      {mayDecide &&
        (open.length === 0 ? (
          <Typography.Paragraph data-testid="org-results-none-open">
            {titleInfo
              ? `Không có tổ chức đảng trực thuộc nào đã đăng ký ${quoted(titleInfo.label)} mà chưa có quyết định năm ${data.year}.`
              : `Không có tổ chức đảng trực thuộc nào đã tự đánh giá mà chưa có quyết định xếp loại năm ${data.year}.`}
          </Typography.Paragraph>
        ) : (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {titleInfo
                ? `Đánh dấu những tổ chức đảng đã đăng ký ${quoted(titleInfo.label)} có trong quyết định của cấp ủy, rồi bấm «Ghi quyết định công nhận».`
                : 'Đánh dấu những tổ chức đảng có trong quyết định xếp loại của cấp ủy (mỗi tổ chức theo bản tự đánh giá), rồi bấm «Ghi quyết định xếp loại».'}
            </Typography.Text>
            <Space wrap>
              <Button
                type="primary"
                aria-haspopup="dialog"
                disabled={chosen.length === 0}
                onClick={() => setDeciding(chosen)}
                data-testid="org-results-decide"
              >
                {titleInfo ? 'Ghi quyết định công nhận' : 'Ghi quyết định xếp loại'} ({vnNumber(chosen.length)} tổ chức)
              </Button>
              <Button onClick={() => choose(open)} data-testid="org-results-select-all">
                Chọn tất cả
              </Button>
              <Button onClick={() => choose([])} data-testid="org-results-select-none">
                Bỏ chọn tất cả
              </Button>
            </Space>
          </Space>
        ))}
      {warning && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setWarning(null)}
          style={{ marginBottom: 12 }}
          message="Quyết định đã được ghi. Lưu ý:"
          description={warning}
          data-testid="org-results-decision-warning"
        />
      )}
      {narrow ? (
        <List<OrgResultRow>
          data-testid="org-results-cards"
          dataSource={rows}
          rowKey="org"
          pagination={pagination}
          split={false}
          renderItem={(r) => (
            // Indented by the org's depth, within the screen's width.
            <List.Item style={{ padding: '4px 0', paddingInlineStart: Math.min(r.depth, 4) * 6 }}>
              <div className="dv-dues-card" style={{ width: '100%' }} data-testid="org-results-row">
                <NameCell row={r} inText />
                {rated(r) && (
                  <>
                    <div>Tự đánh giá: {proposalCell(r, true)}</div>
                    <div>{decisionCell(r)}</div>
                  </>
                )}
                <div>{membersCell(r)}</div>
                <div>{titlesCell(r)}</div>
                {actions(r) && <div style={{ marginTop: 4 }}>{actions(r)}</div>}
                {mayDecide && openKeys.has(r.org) && (
                  <Checkbox
                    checked={selected.has(r.org)}
                    onChange={(e) => toggle(r, e.target.checked)}
                    style={{ marginTop: 4 }}
                  >
                    Chọn ghi vào {decisionWhat}
                  </Checkbox>
                )}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<OrgResultRow>
          data-testid="org-results-table"
          size="small"
          rowKey="org"
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          rowSelection={
            mayDecide && open.length > 0
              ? {
                  selectedRowKeys: [...selected],
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => choose(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: !openKeys.has(r.org), 'aria-label': `Chọn ${r.org_name}` }),
                  // The buttons above choose all or none, over every page. A checkbox in the header
                  // would be copied, focusable, into the table's hidden row that measures columns.
                  hideSelectAll: true,
                  columnTitle: 'Chọn',
                }
              : undefined
          }
          columns={[
            { title: 'Tổ chức đảng', render: (_, r) => <NameCell row={r} /> },
            { title: 'Tự đánh giá', render: (_, r) => proposalCell(r) },
            { title: 'Quyết định xếp loại', render: (_, r) => decisionCell(r) },
            { title: 'Kết quả xếp loại', render: (_, r) => membersCell(r) },
            { title: 'Danh hiệu thi đua', render: (_, r) => titlesCell(r) },
            ...(anyAction ? [{ title: 'Ghi', render: (_: unknown, r: OrgResultRow) => actions(r, true) }] : []),
          ]}
        />
      )}
      {rating && <OrgRatingDialog row={rating} year={data.year} onClose={() => setRating(null)} />}
      {registering && (
        <EmulationDialog
          row={registering}
          year={data.year}
          titles={registrable(registering)}
          onClose={() => setRegistering(null)}
        />
      )}
      {deciding &&
        (titleInfo ? (
          <EmulationDecisionDialog
            org={data.org}
            year={data.year}
            title={{ code: titleInfo.title, label: titleInfo.label }}
            rows={deciding}
            onClose={(changed) => {
              setDeciding(null);
              // The orgs left without a decision are chosen for the next one.
              if (changed) setPicked(null);
            }}
          />
        ) : (
          <OrgDecisionDialog
            org={data.org}
            year={data.year}
            rows={deciding}
            onClose={(changed, w) => {
              setDeciding(null);
              if (changed) {
                setPicked(null);
                setWarning(w);
              }
            }}
          />
        ))}
      {cancelling && <CancelDialog target={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

// Import of a member or org list from an .xlsx or .csv file: the file is checked first (a dry run
// that writes nothing) and the check shown — how each column was understood, legacy font
// conversions, the counts, every problem and the first rows as they would be recorded — before the
// user decides to write all rows or only the valid ones. The mapping of a column may be corrected
// here; each correction runs the check again. Branches written by name are looked for within the
// org chosen in «Tìm chi bộ trong» (the account's own by default).
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  api,
  ApiError,
  can,
  query,
  type Viewer,
  type ImportColumn,
  type ImportKind,
  type ImportProblem,
  type ImportReport,
} from '../api';
import { vnDate, vnNumber, label } from '../labels';
import { go } from '../route';
import { atField, fieldErrors } from './forms';
import { matchFolded, searchable } from '../search';
import { flatten, useTree } from './Tree';
import { bigBytes, extensionOf, FileChooser, fileProblem, fileSize, maxBytes, type ChosenFile } from './fileChooser';

const outcomeTag: Record<string, { color: string; label: string }> = {
  new: { color: 'green', label: 'Mới' },
  updated: { color: 'blue', label: 'Cập nhật' },
  unchanged: { color: 'default', label: 'Không đổi' },
  error: { color: 'red', label: 'Lỗi' },
};

// A preview cell as the user reads it: dates as dd/mm/yyyy, codes in words.
function shown(key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return vnDate(s);
  if (key === 'gender') return label('genders', s);
  if (key === 'kind') return label('org_kinds', s);
  return s;
}

const headersHelp: Record<ImportKind, string> = {
  members:
    'Các cột được nhận ra: «Họ và tên» (hoặc «Họ», «Tên đệm», «Tên»), «Ngày sinh», «Giới tính», «Chi bộ» (mã hoặc tên tổ chức), «Ngày vào Đảng», «Ngày chính thức», «Số thẻ đảng viên», «Mã đảng viên». Cần có họ tên, ngày sinh, chi bộ và ngày vào Đảng. Các dòng tổng cộng, ngày tháng và chữ ký dưới danh sách được bỏ qua.',
  orgs: 'Các cột được nhận ra: «Mã tổ chức», «Tên tổ chức», «Loại», «Trực thuộc» (mã tổ chức cấp trên), «Ngày thành lập».',
};

type Mode = 'check' | 'all' | 'valid';

export function ImportPage({ account }: { account: Viewer }) {
  const [form] = Form.useForm();
  const kind: ImportKind = Form.useWatch('kind', form) ?? 'members';
  const file: ChosenFile | null = Form.useWatch('file', form) ?? null;
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [remapping, setRemapping] = useState(''); // the column whose field is being changed
  const [sent, setSent] = useState(0);
  const [elapsed, setElapsed] = useState(0);
  const [checkError, setCheckError] = useState(''); // the last check failed: the report is stale
  const [refusal, setRefusal] = useState(''); // the import was refused
  const [done, setDone] = useState<{ validOnly: boolean } | null>(null);
  const latest = useRef(0); // answers to earlier requests are dropped

  useEffect(() => {
    if (!busy) return;
    setElapsed(0);
    const started = Date.now();
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(t);
  }, [busy]);

  // Another file, kind or sheet: what was checked no longer applies.
  const reset = () => {
    latest.current++;
    setBusy(null);
    setReport(null);
    setMapping({});
    setCheckError('');
    setRefusal('');
    setDone(null);
  };

  // Where a branch written by name is looked for: the account's own org and the orgs of its tree
  // that hold others.
  const { root } = useTree(null);
  const committees = useMemo(
    () =>
      flatten(root)
        .filter((o) => o === root || o.children.length > 0)
        .map((o) => ({ value: o.code, label: `${o.name} [${o.code}]` })),
    [root],
  );

  const formFields = ['file', 'sheet', 'kind', 'under'];
  // The API's names of what a refusal is about, as this form names them.
  const fieldMap = { file_name: 'file', header: 'file', mapping: 'file' };

  // `again`: a check with a corrected mapping, while the previous report stays on screen.
  const run = async (mode: Mode, map: Record<string, string> = mapping, again = false) => {
    const v = form.getFieldsValue();
    const chosen: ChosenFile | null = v.file ?? null;
    if (!chosen?.data) return;
    const id = ++latest.current;
    setBusy(mode);
    setSent(0);
    setRefusal('');
    if (mode === 'check') setCheckError('');
    const path = `/api/v1/import/${v.kind ?? 'members'}${query({
      file_name: chosen.name,
      dry_run: mode === 'check' ? 'true' : undefined,
      valid_only: mode === 'valid' ? 'true' : undefined,
      sheet: extensionOf(chosen.name) === 'xlsx' ? (v.sheet ?? '').trim() : undefined,
      under: (v.kind ?? 'members') === 'members' ? (v.under ?? undefined) : undefined,
      mapping: Object.keys(map).length ? JSON.stringify(map) : undefined,
    })}`;
    try {
      const r = await api.upload<ImportReport>(path, chosen.data, (f) => id === latest.current && setSent(f));
      if (id !== latest.current) return;
      setReport(r);
      if (mode !== 'check') setDone({ validOnly: mode === 'valid' });
    } catch (e) {
      if (id !== latest.current) return;
      const answer = e instanceof ApiError ? (e.body.report as ImportReport | undefined) : undefined;
      const text = e instanceof ApiError ? e.message : 'Không kết nối được máy chủ.';
      if (answer) {
        setReport(answer);
        if (mode !== 'check') setRefusal(text);
      } else if (mode !== 'check') {
        setRefusal(text);
      } else if (again) {
        // A corrected mapping the server cannot read the file with: keep the columns on screen
        // so the choice can be changed again.
        setCheckError(atField(text));
      } else if (e instanceof ApiError && formFields.includes(fieldMap[e.field as keyof typeof fieldMap] ?? e.field)) {
        fieldErrors(form, e, formFields, fieldMap);
      } else {
        setCheckError(text);
      }
    } finally {
      if (id === latest.current) {
        setBusy(null);
        setRemapping('');
      }
    }
  };

  const check = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    reset();
    run('check', {});
  };

  const remap = (column: string, field: string) => {
    const next = { ...mapping, [column]: field };
    setMapping(next);
    setRemapping(column);
    run('check', next, true);
  };

  const isXlsx = file ? extensionOf(file.name) === 'xlsx' : false;
  const kinds = [
    { value: 'members', label: 'Đảng viên' },
    ...(can.changeOrgs(account) ? [{ value: 'orgs', label: 'Tổ chức đảng' }] : []),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="Nhập từ Excel">
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'members', file: null, sheet: '', under: account.org || undefined }}
          onValuesChange={reset}
          style={{ maxWidth: 720 }}
        >
          <Form.Item label="Tệp liệt kê" name="kind">
            <Radio.Group options={kinds} optionType="button" buttonStyle="solid" disabled={!!busy} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            {headersHelp[kind]} Tệp gõ bằng phông cũ (TCVN3 .VnTime, VNI) được nhận ra và chuyển sang Unicode.
          </Typography.Paragraph>
          <Form.Item
            label="Tệp Excel (.xlsx) hoặc CSV"
            name="file"
            rules={[
              {
                validator: async (_, f: ChosenFile | null) => {
                  const problem = fileProblem(f);
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <FileChooser disabled={!!busy} />
          </Form.Item>
          {isXlsx && (
            <Form.Item label="Trang tính (để trống: trang đầu tiên)" name="sheet">
              <Input disabled={!!busy} style={{ maxWidth: 320 }} />
            </Form.Item>
          )}
          {kind === 'members' && (
            <Form.Item
              label="Tìm chi bộ trong"
              name="under"
              extra="Chi bộ ghi bằng tên trong tệp được tìm trong tổ chức này (để trống: mọi tổ chức bạn quản lý)."
            >
              <Select
                {...searchable}
                allowClear
                disabled={!!busy}
                options={committees}
                placeholder="Mọi tổ chức bạn quản lý"
                style={{ maxWidth: 480 }}
              />
            </Form.Item>
          )}
          {file && file.size >= bigBytes && file.size <= maxBytes && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={`Tệp lớn (${fileSize(file.size)}): việc kiểm tra có thể mất vài phút. Xin giữ trang này mở cho đến khi có kết quả.`}
            />
          )}
          <Button
            type="primary"
            onClick={check}
            loading={busy === 'check' && !remapping}
            disabled={!!busy}
            data-testid="import-check"
          >
            Kiểm tra
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            Kiểm tra không ghi gì vào hồ sơ.
          </Typography.Text>
        </Form>
      </Card>

      {busy && <Waiting mode={busy} sent={sent} elapsed={elapsed} big={!!file && file.size >= bigBytes} />}
      {checkError && !report && <Alert type="error" showIcon message={checkError} data-testid="import-error" />}

      {report && (
        <ReportView
          report={report}
          mapping={mapping}
          busy={!!busy}
          remapping={remapping}
          checkError={checkError}
          refusal={refusal}
          done={done}
          onRemap={remap}
          onResetMapping={() => {
            setMapping({});
            setRemapping('*');
            run('check', {}, true);
          }}
          onImport={(validOnly) => run(validOnly ? 'valid' : 'all')}
          onAnother={() => {
            form.resetFields();
            reset();
          }}
        />
      )}
    </Space>
  );
}

function Waiting({ mode, sent, elapsed, big }: { mode: Mode; sent: number; elapsed: number; big: boolean }) {
  const sending = sent < 1;
  const work = mode === 'check' ? 'đang đọc và kiểm tra từng dòng' : 'đang ghi vào hồ sơ';
  return (
    <Card data-testid="import-waiting">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Spin />
          <Typography.Text>
            {sending ? 'Đang gửi tệp lên máy chủ…' : `Máy chủ ${work}…`} ({elapsed} giây)
          </Typography.Text>
        </Space>
        {big && <Progress percent={Math.round(sent * 100)} status="active" format={(p) => `đã gửi ${p}%`} />}
        {big && (
          <Typography.Text type="secondary">
            Tệp lớn cần thời gian; xin đừng đóng trang hay bấm lại. Kết quả sẽ hiện ra ở đây.
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function ReportView({
  report,
  mapping,
  busy,
  remapping,
  checkError,
  refusal,
  done,
  onRemap,
  onResetMapping,
  onImport,
  onAnother,
}: {
  report: ImportReport;
  mapping: Record<string, string>;
  busy: boolean;
  remapping: string;
  checkError: string;
  refusal: string;
  done: { validOnly: boolean } | null;
  onRemap: (column: string, field: string) => void;
  onResetMapping: () => void;
  onImport: (validOnly: boolean) => void;
  onAnother: () => void;
}) {
  const warnings = report.problems.filter((p) => p.severity === 'warning').length + (report.omitted_warnings ?? 0);
  const omitted = (report.omitted_errors ?? 0) + (report.omitted_warnings ?? 0);
  const valid = Math.max(0, report.rows - report.rejected);
  const written = !report.dry_run;
  const stale = !!checkError;
  // The choices for a column's field; an older server without the list: the fields in use.
  const fieldOptions = (
    report.fields ?? [
      ...new Map(report.columns.map((c) => [c.field, { field: c.field, label: c.field_label }])).values(),
    ]
  )
    .map((f) => ({ value: f.field, label: f.label }))
    // "Bỏ qua" first: the choice made most often for a column read wrongly.
    .sort((a, b) => Number(b.value === 'ignore') - Number(a.value === 'ignore'));
  const previewColumns =
    report.preview_columns ??
    Object.keys(report.preview[0] ?? {})
      .filter((k) => k !== 'row' && k !== 'outcome')
      .map((key) => ({ key, label: key }));
  // Columns a cell of which was converted (a file's encoding applies to its date columns too).
  const converted = report.columns.filter((c) => c.encoding !== 'unicode' && c.sample);
  const what = report.kind === 'orgs' ? 'tổ chức' : 'đảng viên';

  return (
    <Card
      title={written ? 'Kết quả nhập' : 'Kết quả kiểm tra (chưa ghi gì)'}
      data-testid="import-report"
      extra={
        <Typography.Text type="secondary">
          Tệp «{report.file}» ({report.format === 'xlsx' ? 'Excel' : 'CSV'})
          {report.sheet ? `, trang tính «${report.sheet}»` : ''}, dòng tiêu đề: dòng {report.header_row}
        </Typography.Text>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Row gutter={[16, 16]} data-testid="import-counts">
          <Col xs={12} md={4}>
            <Statistic title="Số dòng đọc được" value={report.rows} groupSeparator="." />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={written ? 'Đã thêm mới' : 'Sẽ thêm mới'} value={report.created} groupSeparator="." />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={written ? 'Đã cập nhật' : 'Sẽ cập nhật'} value={report.updated} groupSeparator="." />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title="Không đổi (đã có trong hồ sơ)" value={report.unchanged} groupSeparator="." />
          </Col>
          <Col xs={12} md={5}>
            <Statistic
              title="Dòng có lỗi"
              value={report.rejected}
              groupSeparator="."
              valueStyle={report.rejected ? { color: '#cf1322' } : undefined}
            />
          </Col>
        </Row>

        {stale && (
          <Alert
            type="error"
            showIcon
            data-testid="import-error"
            message="Với cách hiểu cột vừa chọn, máy chủ không đọc được tệp."
            description={`${checkError} Hãy chọn lại trường cho cột trong bảng «Cách hiểu các cột» dưới đây.`}
          />
        )}
        {!stale && !written && report.errors > 0 && (
          <Alert
            type="error"
            showIcon
            message={`Có ${vnNumber(report.errors)} lỗi ở ${vnNumber(report.rejected)} dòng.`}
            description="Sửa tệp rồi kiểm tra lại, chọn lại trường cho cột nếu máy hiểu sai, hoặc chỉ nhập các dòng hợp lệ."
          />
        )}
        {!stale && !written && report.errors === 0 && report.rows > 0 && (
          <Alert
            type="success"
            showIcon
            message={
              report.created + report.updated > 0
                ? `Mọi dòng đều hợp lệ: ${vnNumber(report.created)} ${what} mới, ${vnNumber(report.updated)} cập nhật.`
                : `Mọi dòng đều hợp lệ và đã có trong hồ sơ: nhập sẽ không thay đổi gì.`
            }
          />
        )}
        {warnings > 0 && (
          <Alert
            type="warning"
            showIcon
            message={`${vnNumber(warnings)} cảnh báo: vẫn nhập được, nhưng nên xem lại các dòng được nêu.`}
          />
        )}
        {report.skipped > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="import-skipped"
            message={`${vnNumber(report.skipped)} dòng dưới danh sách không phải ${what} (tổng cộng, ngày tháng, chữ ký) đã được bỏ qua.`}
          />
        )}
        {report.ambiguous_orgs.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="import-ambiguous"
            message="Tên chi bộ trùng với nhiều tổ chức:"
            description={
              <>
                {report.ambiguous_orgs.map((a) => (
                  <div key={a.name}>
                    «{a.name}»: {vnNumber(a.candidates)} tổ chức trùng tên ({vnNumber(a.rows)} dòng)
                  </div>
                ))}
                Ghi mã chi bộ trong tệp, hoặc chọn tổ chức cấp trên ở «Tìm chi bộ trong» rồi kiểm tra lại.
              </>
            }
          />
        )}
        {converted.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={`${converted.length} cột gõ bằng phông cũ đã được chuyển sang Unicode (xem cột «Bảng mã» dưới đây).`}
          />
        )}

        {refusal && (
          <Alert type="error" showIcon message="Chưa nhập." description={refusal} data-testid="import-refusal" />
        )}
        {done && !refusal && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            message={`Đã ghi: ${vnNumber(report.created)} mới, ${vnNumber(report.updated)} cập nhật, ${vnNumber(
              report.unchanged,
            )} không đổi.`}
            description={
              report.rejected > 0
                ? `${vnNumber(report.rejected)} dòng có lỗi không được ghi; sửa các dòng đó trong tệp rồi nhập lại (các dòng đã ghi sẽ được nhận là không đổi).`
                : undefined
            }
          />
        )}
        <Space wrap>
          {!written && (
            <>
              <Button
                type="primary"
                disabled={busy || stale || report.errors > 0 || report.rows === 0}
                onClick={() => onImport(false)}
                data-testid="import-all"
              >
                Nhập tất cả
              </Button>
              {report.errors > 0 && valid > 0 && (
                <Button disabled={busy || stale} onClick={() => onImport(true)} data-testid="import-valid">
                  Chỉ nhập các dòng hợp lệ ({vnNumber(valid)} dòng)
                </Button>
              )}
            </>
          )}
          {written && (
            <>
              <Button onClick={() => go(report.kind === 'orgs' ? 'tree' : 'members')}>
                {report.kind === 'orgs' ? 'Xem cây tổ chức' : 'Xem danh sách đảng viên'}
              </Button>
              <Button onClick={onAnother}>Nhập tệp khác</Button>
            </>
          )}
        </Space>

        <Typography.Title level={5} style={{ marginBottom: 0 }}>
          Cách hiểu các cột
        </Typography.Title>
        {!written && (
          <Typography.Text type="secondary">
            Nếu máy hiểu sai một cột, chọn lại trường cho cột đó; tệp được kiểm tra lại ngay.{' '}
            {Object.keys(mapping).length > 0 && (
              <Typography.Link onClick={onResetMapping} disabled={busy}>
                Trở về cách hiểu tự động
              </Typography.Link>
            )}
          </Typography.Text>
        )}
        <Table<ImportColumn>
          scroll={{ x: 'max-content' }}
          size="small"
          rowKey="column"
          pagination={false}
          dataSource={report.columns}
          data-testid="import-columns"
          columns={[
            { title: 'Cột', dataIndex: 'column', width: 60 },
            { title: 'Tiêu đề trong tệp', dataIndex: 'header' },
            {
              title: 'Trường dữ liệu',
              width: 300,
              render: (_, c) => (
                <Space>
                  <Select
                    aria-label={`Trường của cột ${c.column}`}
                    data-testid={`map-${c.column}`}
                    value={mapping[c.column] ?? c.field}
                    options={fieldOptions}
                    onChange={(f: string) => onRemap(c.column, f)}
                    disabled={busy || written}
                    virtual={false}
                    listHeight={400}
                    showSearch
                    filterOption={matchFolded}
                    loading={busy && (remapping === c.column || remapping === '*')}
                    style={{ width: 210 }}
                  />
                  {c.by_user && <Tag color="blue">do bạn chọn</Tag>}
                </Space>
              ),
            },
            {
              title: 'Bảng mã',
              render: (_, c) =>
                c.encoding === 'unicode' ? (
                  <Typography.Text type="secondary">Unicode</Typography.Text>
                ) : (
                  <span data-testid={`encoding-${c.column}`}>
                    <Tag color="orange">{c.encoding_label} → Unicode</Tag>
                    {c.sample && (
                      <>
                        «{c.sample.before}» → «<Typography.Text strong>{c.sample.after}</Typography.Text>»
                      </>
                    )}
                  </span>
                ),
            },
          ]}
        />

        <Typography.Title level={5} style={{ marginBottom: 0 }}>
          {report.problems.length
            ? `Các vấn đề (${vnNumber(report.problems.length + omitted)})`
            : 'Không có vấn đề nào'}
        </Typography.Title>
        {omitted > 0 && (
          <Typography.Text type="secondary" data-testid="import-omitted">
            Chỉ liệt kê {vnNumber(report.problems.length)} vấn đề đầu tiên; còn {vnNumber(report.omitted_errors ?? 0)}{' '}
            lỗi và {vnNumber(report.omitted_warnings ?? 0)} cảnh báo khác. Sửa những dòng trên rồi kiểm tra lại tệp.
          </Typography.Text>
        )}
        {report.problems.length > 0 && (
          <Table<ImportProblem & { key: number }>
            scroll={{ x: 'max-content' }}
            size="small"
            data-testid="import-problems"
            dataSource={report.problems.map((p, key) => ({ ...p, key }))}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: 'Trang tính', dataIndex: 'sheet', width: 120, render: (s) => s || '—' },
              { title: 'Dòng', dataIndex: 'row', width: 80, render: (r: number) => (r ? r : 'cả tệp') },
              { title: 'Cột', dataIndex: 'column', width: 70, render: (c) => c || '—' },
              // Without the API's name of the field ("Trường «org»: "): the column says which.
              { title: 'Nội dung', dataIndex: 'message', render: (m: string) => atField(m) },
              {
                title: 'Mức',
                dataIndex: 'severity',
                width: 120,
                filters: [
                  { text: 'Lỗi', value: 'error' },
                  { text: 'Cảnh báo', value: 'warning' },
                ],
                onFilter: (v, p) => p.severity === v,
                render: (s) => (s === 'error' ? <Tag color="red">Lỗi</Tag> : <Tag color="gold">Cảnh báo</Tag>),
              },
            ]}
          />
        )}

        <Typography.Title level={5} style={{ marginBottom: 0 }}>
          {written ? 'Các dòng đầu, như đã ghi' : 'Các dòng đầu, như sẽ được ghi'}
        </Typography.Title>
        <Table
          size="small"
          rowKey="row"
          data-testid="import-preview"
          dataSource={report.preview}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 70 },
            {
              title: 'Kết quả',
              dataIndex: 'outcome',
              width: 110,
              render: (o: string) => <Tag color={outcomeTag[o]?.color}>{outcomeTag[o]?.label ?? o}</Tag>,
            },
            ...previewColumns.map((c) => ({
              title: c.label,
              dataIndex: c.key,
              render: (v: unknown) => shown(c.key, v),
            })),
          ]}
        />
      </Space>
    </Card>
  );
}

// «Nhập tệp nộp qua Cổng DVC»: the file of dues paid on the National Public Service Portal (or one
// an office typed in the same columns), recorded at once from the dues book. The file is checked
// first (a dry run that writes nothing): the rows read, the payments it would record and their
// sum, the rows already recorded, and every row refused with the server's message. Then the user
// records all of it (only when no row is wrong) or only the valid rows. The server matches each
// row to a member and checks it as a payment typed by hand; the page decides nothing.
import { useRef, useState } from 'react';
import { Alert, Button, Col, Modal, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { api, ApiError, query, type DuesImportProblem, type DuesImportReport } from '../api';
import { queryClient } from '../queryClient';
import { vnNumber } from '../labels';
import { atField } from './forms';
import { money } from './duesCells';
import { bigBytes, FileChooser, fileProblem, fileSize, type ChosenFile } from './fileChooser';

type Mode = 'check' | 'all' | 'valid';

export function DuesImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState('');
  const [report, setReport] = useState<DuesImportReport | null>(null); // the check, or a refused import
  const [busy, setBusy] = useState<Mode | null>(null);
  const [error, setError] = useState(''); // the server's refusal, or no connection
  const [done, setDone] = useState<{ report: DuesImportReport; validOnly: boolean } | null>(null);
  const latest = useRef(0); // answers to earlier requests are dropped

  // Another file: what was checked no longer applies.
  const choose = (f: ChosenFile | null) => {
    latest.current++;
    setBusy(null);
    setFile(f);
    setFileError('');
    setReport(null);
    setError('');
    if (f) setDone(null);
  };

  const run = async (mode: Mode) => {
    const problem = fileProblem(file);
    if (problem || !file?.data) {
      setFileError(problem ?? '');
      return;
    }
    const chosen = file;
    const id = ++latest.current;
    setBusy(mode);
    setError('');
    const path = `/api/v1/dues/import${query({
      file_name: chosen.name,
      dry_run: mode === 'check' ? 'true' : undefined,
      valid_only: mode === 'valid' ? 'true' : undefined,
    })}`;
    try {
      const r = await api.upload<DuesImportReport>(path, file.data);
      if (id !== latest.current) return;
      if (mode === 'check') {
        setReport(r);
        return;
      }
      // The upload marked every answer stale; the book behind the dialog is fetched again before
      // the dialog says what was recorded.
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/orgs/{code}/dues'] }, { cancelRefetch: false });
      if (id !== latest.current) return;
      setDone({ report: r, validOnly: mode === 'valid' });
      setFile(null);
      setReport(null);
    } catch (e) {
      if (id !== latest.current) return;
      // Rows refused (nothing written): the report comes with the refusal.
      const answer = e instanceof ApiError ? (e.body.report as DuesImportReport | undefined) : undefined;
      if (answer) setReport(answer);
      setError(e instanceof ApiError ? atField(e.message) : 'Không kết nối được máy chủ.');
    } finally {
      if (id === latest.current) setBusy(null);
    }
  };

  const valid = report ? report.recorded : 0;
  return (
    <Modal
      open
      title="Nhập tệp nộp đảng phí qua Cổng Dịch vụ công"
      width={760}
      onCancel={onClose}
      maskClosable={!busy}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          {!report && (
            <Button
              type="primary"
              onClick={() => run('check')}
              loading={busy === 'check'}
              disabled={!file || (!!busy && busy !== 'check')}
              data-testid="dues-import-check"
            >
              Kiểm tra
            </Button>
          )}
          {report && (
            <>
              <Button
                type="primary"
                onClick={() => run('all')}
                loading={busy === 'all'}
                disabled={!!busy || report.rejected > 0 || valid === 0}
                data-testid="dues-import-all"
              >
                Ghi tất cả
              </Button>
              {report.rejected > 0 && valid > 0 && (
                <Button
                  onClick={() => run('valid')}
                  loading={busy === 'valid'}
                  disabled={!!busy}
                  data-testid="dues-import-valid"
                >
                  Chỉ ghi các dòng hợp lệ
                </Button>
              )}
            </>
          )}
          <Button onClick={onClose} data-testid="dues-import-close">
            Đóng
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="dues-import">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          Tệp danh sách nộp đảng phí tải về từ Cổng Dịch vụ công quốc gia (Excel .xlsx hoặc .csv). Các cột được nhận ra:
          «Số thẻ đảng viên» (hoặc «Số định danh cá nhân»), «Tháng», «Số tiền», «Ngày nộp», «Mã giao dịch». Mỗi dòng
          được kiểm tra như khi ghi thu bằng tay; dòng đã ghi từ trước được bỏ qua, nên nhập lại một tệp không ghi
          trùng.
        </Typography.Paragraph>
        <div>
          <FileChooser value={file} onChange={choose} disabled={!!busy} testid="dues-import-choose" />
          {fileError && (
            <Typography.Text type="danger" role="alert" data-testid="dues-import-file-error">
              {fileError}
            </Typography.Text>
          )}
        </div>
        {file && file.size >= bigBytes && file.data && (
          <Alert
            type="info"
            showIcon
            message={`Tệp lớn (${fileSize(file.size)}): việc kiểm tra có thể mất vài phút. Xin giữ trang này mở cho đến khi có kết quả.`}
          />
        )}
        {!report && !done && !busy && <Typography.Text type="secondary">Kiểm tra không ghi gì vào sổ.</Typography.Text>}
        {busy && (
          <Space role="status">
            <Spin size="small" />
            <Typography.Text>
              {busy === 'check' ? 'Máy chủ đang đọc và kiểm tra từng dòng…' : 'Máy chủ đang ghi các lần nộp…'}
            </Typography.Text>
          </Space>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            message={report ? 'Chưa ghi.' : 'Không nhập được tệp.'}
            description={error}
            data-testid="dues-import-error"
          />
        )}
        {done && <Done report={done.report} validOnly={done.validOnly} />}
        {report && <Checked report={report} />}
      </Space>
    </Modal>
  );
}

// What was recorded; the dialog is ready for another file.
function Done({ report, validOnly }: { report: DuesImportReport; validOnly: boolean }) {
  const more = [
    report.unchanged > 0 ? `${vnNumber(report.unchanged)} dòng đã có từ trước (không ghi lại).` : '',
    validOnly && report.rejected > 0
      ? `${vnNumber(report.rejected)} dòng có lỗi không được ghi; sửa các dòng đó trong tệp rồi nhập lại (các dòng đã ghi sẽ được nhận là đã có).`
      : '',
  ].filter(Boolean);
  return (
    <Alert
      type="success"
      showIcon
      data-testid="dues-import-done"
      message={`Đã ghi ${vnNumber(report.recorded)} lần nộp${report.recorded > 0 ? `, cộng ${money(report.amount)}` : ''}.`}
      description={more.length ? more.map((m) => <div key={m}>{m}</div>) : undefined}
    />
  );
}

// The check (or an import refused for its rows): the counts, what to do, and every row refused.
function Checked({ report }: { report: DuesImportReport }) {
  const listed = report.problems.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="dues-import-report">
      <Typography.Text type="secondary">
        Tệp «{report.file_name}» ({report.format === 'xlsx' ? 'Excel' : 'CSV'})
        {report.sheet ? `, trang tính «${report.sheet}»` : ''}, dòng tiêu đề: dòng {report.header_row}. Chưa ghi gì.
      </Typography.Text>
      <Row gutter={[16, 16]} data-testid="dues-import-counts">
        <Col xs={12} md={4}>
          <Statistic title="Số dòng đọc được" value={report.rows} groupSeparator="." />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title="Sẽ ghi (lần nộp)" value={report.recorded} groupSeparator="." />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title="Số tiền sẽ ghi" value={money(report.amount)} data-testid="dues-import-amount" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title="Đã có từ trước" value={report.unchanged} groupSeparator="." />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title="Dòng có lỗi"
            value={report.rejected}
            groupSeparator="."
            valueStyle={report.rejected ? { color: '#cf1322' } : undefined}
            data-testid="dues-import-rejected"
          />
        </Col>
      </Row>
      {report.rejected > 0 && (
        <Alert
          type="error"
          showIcon
          message={`${vnNumber(report.rejected)} dòng có lỗi.`}
          description={
            report.recorded > 0
              ? `Sửa tệp rồi kiểm tra lại, hoặc chỉ ghi các dòng hợp lệ (${vnNumber(report.recorded)} lần nộp, cộng ${money(report.amount)}).`
              : 'Không có dòng nào ghi được: sửa tệp rồi kiểm tra lại.'
          }
        />
      )}
      {report.rejected === 0 && report.recorded > 0 && (
        <Alert
          type="success"
          showIcon
          message={`Mọi dòng đều hợp lệ: sẽ ghi ${vnNumber(report.recorded)} lần nộp, cộng ${money(report.amount)}.`}
        />
      )}
      {report.rejected === 0 && report.recorded === 0 && (
        <Alert
          type="info"
          showIcon
          message={
            report.rows > 0
              ? 'Mọi dòng đã có trong sổ từ trước: nhập tệp này không ghi thêm gì.'
              : 'Tệp không có dòng nào dưới dòng tiêu đề.'
          }
        />
      )}
      {listed > 0 && (
        <>
          <Typography.Title level={5} style={{ marginBottom: 0 }}>
            Các lỗi ({vnNumber(listed + report.omitted_errors)})
          </Typography.Title>
          {report.omitted_errors > 0 && (
            <Typography.Text type="secondary" data-testid="dues-import-omitted">
              Chỉ liệt kê {vnNumber(listed)} lỗi đầu tiên; còn {vnNumber(report.omitted_errors)} lỗi khác. Sửa những
              dòng trên rồi kiểm tra lại tệp.
            </Typography.Text>
          )}
          {/* No sideways scroll: the message wraps within the dialog, also on a phone. */}
          <Table<DuesImportProblem & { key: number }>
            size="small"
            data-testid="dues-import-problems"
            dataSource={report.problems.map((p, key) => ({ ...p, key }))}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70, render: (r: number) => (r ? r : 'cả tệp') },
              { title: 'Cột', dataIndex: 'column', width: 60, render: (c: string) => c || '—' },
              { title: 'Lỗi', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Space>
  );
}

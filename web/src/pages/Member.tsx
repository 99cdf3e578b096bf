import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { Select } from '../controls';
import dayjs from 'dayjs';
import { ApiError, can, type Viewer, type Member } from '../api';
import { vnDate, label, options, dossierFields, catalogItems, catalogLabel, upperFirst } from '../labels';
import { fieldErrors, iso, dateFormats, enterConfirmsDates } from './forms';
import { flatten, useTree } from './Tree';
import { searchable } from '../search';
import { $api, client, errorText, type Schemas } from '../client';
import { DossierCard } from './Dossier';
import { AdmissionFileCard, admissionAddText, admissionFileId } from './AdmissionFile';
import { DossierChangeDialog } from './DossierChange';
import { admissionFileCodes } from './dossierFields';
import { MemberDuesCard } from './MemberDues';
import { MemberBadgesCard } from './MemberBadges';
import { MemberRatingsCard } from './MemberRatings';

const eventKinds = [
  'admission',
  'recognition',
  'transfer',
  'removal',
  'expulsion',
  'resignation',
  'death',
  'readmission',
];
const needsOrg = new Set(['admission', 'transfer', 'readmission']);
// The events the branch votes on (the age is checked on the vote's date; a candidate's admission
// needs it and a complete admission file).
const votedOn = new Set(['admission', 'readmission']);
// The events that end a membership; they may name the ground (catalog `leaving_ground`).
const ends = new Set(['removal', 'expulsion', 'resignation']);

// The grounds of leaving, those that bar a later readmission marked so.
function groundOptions(): { value: string; label: string }[] {
  return catalogItems('leaving_ground').map((e) => ({
    value: e.value,
    label: upperFirst(e.label) + (e.group === 'no_readmission' ? ' (không xem xét kết nạp lại)' : ''),
  }));
}

export function MemberPage({ account, code }: { account: Viewer; code: string }) {
  const answer = $api.useQuery('get', '/api/v1/members/{code}', { params: { path: { code } } });
  const member: Member | undefined = answer.error ? undefined : answer.data;
  const error = errorText(answer.error);
  if (error) return <Alert type="error" message={error} />;
  if (!member) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={member.full_name} extra={<Tag color="red">{label('member_statuses', member.status)}</Tag>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Mã hồ sơ">{member.code}</Descriptions.Item>
          <Descriptions.Item label="Số thẻ đảng viên">{member.card_number || '—'}</Descriptions.Item>
          <Descriptions.Item label="Ngày sinh">{vnDate(member.birth_date)}</Descriptions.Item>
          <Descriptions.Item label="Sinh hoạt tại">
            {member.org_name ? `${member.org_name} [${member.org}]` : '—'}
            {member.temp_org && ` (tạm thời tại ${member.temp_org})`}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày vào Đảng">{vnDate(member.admitted_on) || '—'}</Descriptions.Item>
          <Descriptions.Item label="Tuổi đảng">
            {member.admitted_on ? `${member.party_age_years} năm` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Đến hạn xét chính thức">{vnDate(member.recognition_due) || '—'}</Descriptions.Item>
          <Descriptions.Item label="Huy hiệu Đảng">
            {member.badge_years ? `${member.badge_years} năm` : '—'}
          </Descriptions.Item>
        </Descriptions>
        {member.flags.map((f) => (
          <Alert key={f} type="warning" message={f} style={{ marginTop: 8 }} />
        ))}
      </Card>
      {member.status === 'candidate' && <AdmissionFileCard account={account} code={member.code} />}
      <DossierCard account={account} code={member.code} />
      {/* Dues begin with the admission: a candidate owes none. */}
      {member.admitted_on && <MemberDuesCard account={account} code={member.code} />}
      {/* Party age, and so the badges, begin with the admission too. */}
      {member.admitted_on && (
        <MemberBadgesCard account={account} code={member.code} deceased={member.status === 'deceased'} />
      )}
      {/* A candidate is not rated: the yearly rating is of party members. */}
      {member.admitted_on && <MemberRatingsCard account={account} code={member.code} />}
      <Card title="Quá trình">
        <Timeline
          items={member.events.map((e) => ({
            children: (
              <span>
                <b>{vnDate(e.date)}</b> — {label('member_event_kinds', e.kind)}
                {e.org && ` — ${e.org_name || e.org}`}
                {typeof e.detail.new_org_name === 'string' && ` → ${e.detail.new_org_name}`}
                {typeof e.detail.ground === 'string' && (
                  <Typography.Text type="secondary">
                    {` — Lý do ra khỏi Đảng: ${catalogLabel('leaving_ground', e.detail.ground)}`}
                  </Typography.Text>
                )}
                {typeof e.detail.reason === 'string' && (
                  <Typography.Text type="secondary"> — {e.detail.reason}</Typography.Text>
                )}
                {typeof e.detail.decision_no === 'string' && (
                  <Typography.Text type="secondary"> — QĐ {e.detail.decision_no}</Typography.Text>
                )}
              </span>
            ),
          }))}
        />
      </Card>
      {can.writeMembers(account) && <EventForm code={member.code} onDone={() => undefined} />}
    </Space>
  );
}

type EventValues = Omit<Schemas['EventInput'], 'date' | 'vote_date'> & { date: dayjs.Dayjs; vote_date?: dayjs.Dayjs };

function EventForm({ code, onDone }: { code: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  // The branches the caller holds, as they stood on the event's date.
  const date: dayjs.Dayjs | undefined = Form.useWatch('date', form);
  const { roots } = useTree(date ?? null);
  const branches = useMemo(
    () => roots.flatMap((r) => flatten(r)).filter((o) => o.kind === 'grassroots_branch' || o.kind === 'sub_branch'),
    [roots],
  );
  const [done, setDone] = useState('');
  // An admission refused for the admission file: the server's message (every gap) and the field of
  // the first, whose record the user may add from here.
  const [incomplete, setIncomplete] = useState<ApiError | null>(null);
  const [completing, setCompleting] = useState(false);
  const fields = [
    'kind',
    'date',
    'vote_date',
    'org',
    'mode',
    'decision_no',
    'ceremony_date',
    'card_number',
    'ground',
    'reason',
  ];
  const submit = async (v: EventValues) => {
    setDone('');
    setIncomplete(null);
    const voted = votedOn.has(v.kind);
    try {
      await client.POST('/api/v1/members/{code}/events', {
        params: { path: { code } },
        body: {
          kind: v.kind,
          date: iso(v.date),
          org: needsOrg.has(v.kind) ? v.org : undefined,
          vote_date: voted && v.vote_date ? iso(v.vote_date) : undefined,
          mode: v.kind === 'transfer' ? v.mode : undefined,
          decision_no: v.decision_no,
          card_number: v.card_number,
          reason: v.reason,
          ground: ends.has(v.kind) && v.ground ? v.ground : undefined,
        },
      });
      setDone(`Đã ghi: ${label('member_event_kinds', v.kind)}.`);
      form.resetFields(['decision_no', 'reason', 'card_number', 'vote_date', 'ground']);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && admissionFileCodes.includes(e.field)) {
        setIncomplete(e);
        return;
      }
      // Rule refusals about dates (probation, age) are shown at the date; the age, at the vote's.
      const age = voted && v.vote_date ? 'vote_date' : 'date';
      fieldErrors(form, e, fields, { birth_date: age, member: 'kind' });
    }
  };
  const missing = incomplete ? dossierFields().find((f) => f.value === incomplete.field) : undefined;
  return (
    <Card title="Ghi sự kiện">
      {done && <Alert type="success" message={done} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onKeyDown={enterConfirmsDates}
        initialValues={{ date: dayjs(), mode: 'permanent' }}
      >
        <Space wrap align="start">
          <Form.Item label="Sự kiện" name="kind" rules={[{ required: true, message: 'Chọn sự kiện.' }]}>
            <Select
              style={{ width: 260 }}
              placeholder="Chọn sự kiện"
              options={options('member_event_kinds', eventKinds)}
            />
          </Form.Item>
          <Form.Item
            label="Ngày"
            name="date"
            rules={[{ required: true, message: 'Bắt buộc' }]}
            extra={
              votedOn.has(kind) ? `Ngày quyết định ${kind === 'readmission' ? 'kết nạp lại' : 'kết nạp'}` : undefined
            }
          >
            <DatePicker format={dateFormats} />
          </Form.Item>
          {votedOn.has(kind) && (
            <Form.Item
              label="Ngày chi bộ xét, biểu quyết"
              name="vote_date"
              dependencies={['date']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, vote?: dayjs.Dayjs) => {
                    const decided: dayjs.Dayjs | undefined = getFieldValue('date');
                    return vote && decided && vote.isAfter(decided, 'day')
                      ? Promise.reject(new Error('Chi bộ biểu quyết trước ngày quyết định kết nạp.'))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format={dateFormats} />
            </Form.Item>
          )}
          {needsOrg.has(kind) && (
            <Form.Item label="Chi bộ" name="org" rules={[{ required: true, message: 'Chọn chi bộ.' }]}>
              <Select
                style={{ width: 300, maxWidth: '100%' }}
                placeholder="Gõ tên chi bộ để tìm"
                {...searchable}
                options={branches.map((o) => ({ value: o.code, label: `${o.name} [${o.code}]` }))}
              />
            </Form.Item>
          )}
          {kind === 'transfer' && (
            <Form.Item label="Hình thức" name="mode">
              <Select style={{ width: 200 }} options={options('transfer_modes')} />
            </Form.Item>
          )}
          <Form.Item label="Số quyết định" name="decision_no">
            <Input style={{ width: 160 }} />
          </Form.Item>
          {(kind === 'admission' || kind === 'recognition') && (
            <Form.Item label="Số thẻ đảng viên" name="card_number">
              <Input style={{ width: 160 }} />
            </Form.Item>
          )}
          {ends.has(kind) && (
            <Form.Item label="Lý do ra khỏi Đảng" name="ground">
              <Select
                style={{ width: 360, maxWidth: '100%' }}
                allowClear
                placeholder="Chọn lý do"
                options={groundOptions()}
                optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
              />
            </Form.Item>
          )}
          <Form.Item label="Lý do / ghi chú" name="reason">
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        {incomplete && (
          <Alert
            type="error"
            showIcon
            data-testid="admission-refused"
            style={{ marginBottom: 16 }}
            message={incomplete.message}
            description={
              <Space wrap>
                {missing && <Button onClick={() => setCompleting(true)}>{admissionAddText[missing.value]}</Button>}
                <Button
                  type="link"
                  onClick={() => document.getElementById(admissionFileId)?.scrollIntoView({ block: 'start' })}
                >
                  Xem hồ sơ kết nạp
                </Button>
              </Space>
            }
          />
        )}
        <Button type="primary" htmlType="submit">
          Ghi sự kiện
        </Button>
      </Form>
      {completing && missing && (
        <DossierChangeDialog
          code={code}
          target={{ field: missing, replaces: null }}
          onClose={(changed) => {
            setCompleting(false);
            if (changed) setIncomplete(null);
          }}
        />
      )}
    </Card>
  );
}

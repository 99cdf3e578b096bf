// A member's dossier (hồ sơ đảng viên) on the member's page: what holds as of the date asked, by
// group, each value with the date it holds from; every record of it, corrections included, under
// «Quá trình thay đổi»; and, for whoever may write members, its update, a new award or discipline,
// and the correction of a record made by mistake. Sensitive fields the role may not read are not
// in the server's answer at all; the card says which they are. A candidate's admission file has a
// card of its own (AdmissionFile.tsx: what it holds and lacks, each piece recorded there); here it
// is a group of a member's dossier, shown once it holds something, and its records stay in the
// history (where a wrong one is corrected).
import { useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { can, type Dossier, type DossierFact, type DossierRecord, type Viewer } from '../api';
import { $api, errorText } from '../client';
import { vnDate, type DossierFieldInfo } from '../labels';
import { vnDateTime } from '../time';
import { DossierChangeDialog, type ChangeTarget } from './DossierChange';
import { DossierUpdateDialog } from './DossierUpdate';
import { admissionFileCodes, dateWords, groupedFields, lowerFirst, sensitiveNames } from './dossierFields';

export function DossierCard({ account, code, at }: { account: Viewer; code: string; at?: string }) {
  const answer = $api.useQuery('get', '/api/v1/members/{code}/dossier', {
    params: { path: { code }, query: at ? { at } : {} },
  });
  const dossier: Dossier | undefined = answer.error ? undefined : answer.data;
  const [updating, setUpdating] = useState(false);
  const [change, setChange] = useState<ChangeTarget | null>(null);
  const writes = can.writeMembers(account);
  const title = 'Hồ sơ đảng viên';
  if (answer.error) {
    return (
      <Card title={title}>
        <Alert type="error" message={errorText(answer.error)} />
      </Card>
    );
  }
  if (!dossier) return <Card title={title} loading />;

  const facts = new Map(dossier.facts.map((f) => [f.field, f]));
  const mayShow = (f: DossierFieldInfo) => dossier.sensitive_shown || !f.sensitive;
  // A group is shown when it holds something, or offers an entry to add (awards, discipline). The
  // admission file is a candidate's own card; a member's is read, not added to.
  const candidate = dossier.admission_gaps !== undefined;
  const admissionFile = (f: DossierFieldInfo) => admissionFileCodes.includes(f.value);
  const groups = groupedFields((f) => mayShow(f) && !(candidate && admissionFile(f)))
    .map((g) => ({
      ...g,
      fields: g.fields.filter((f) => held(facts.get(f.value)) || (writes && f.listed && !admissionFile(f))),
    }))
    .filter((g) => g.fields.length);
  return (
    <Card
      title={title}
      data-testid="dossier"
      extra={
        writes && (
          <Button onClick={() => setUpdating(true)} data-testid="dossier-update">
            Cập nhật hồ sơ…
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {!dossier.sensitive_shown && (
          <Alert
            type="info"
            showIcon
            data-testid="dossier-sensitive-hidden"
            message={`Một số thông tin nhạy cảm (${sensitiveNames()}) không hiển thị với tài khoản của bạn.`}
          />
        )}
        {groups.length === 0 && <Typography.Text type="secondary">Hồ sơ chưa ghi thông tin nào.</Typography.Text>}
        {groups.map((g) => (
          <Descriptions
            key={g.key}
            title={g.fields.length > 1 || g.title !== g.fields[0].label ? g.title : undefined}
            column={1}
            size="small"
            bordered
            styles={{ label: { width: '40%' } }}
            items={g.fields.map((f) => ({
              key: f.value,
              label: f.label,
              children: f.listed ? (
                <Entries
                  fact={facts.get(f.value)}
                  dated={dateWords(f) ?? 'ngày'}
                  add={writes ? () => setChange({ field: f, replaces: null }) : undefined}
                  addText={`Thêm ${lowerFirst(f.label)}…`}
                />
              ) : (
                <Value fact={facts.get(f.value)} dated={dateWords(f) ?? 'từ'} />
              ),
            }))}
          />
        ))}
        {dossier.records.length > 0 && (
          <Collapse
            items={[
              {
                key: 'history',
                label: `Quá trình thay đổi (${dossier.records.length} bản ghi)`,
                children: (
                  <History
                    records={dossier.records}
                    mayShow={mayShow}
                    correct={writes ? (field, record) => setChange({ field, replaces: record }) : undefined}
                  />
                ),
              },
            ]}
          />
        )}
      </Space>
      {updating && (
        <DossierUpdateDialog code={code} dossier={dossier} account={account} onClose={() => setUpdating(false)} />
      )}
      {change && <DossierChangeDialog code={code} target={change} onClose={() => setChange(null)} />}
    </Card>
  );
}

function held(fact: DossierFact | undefined): boolean {
  return !!fact && (fact.current !== null || fact.history.length > 0);
}

function Value({ fact, dated }: { fact: DossierFact | undefined; dated: string }) {
  const c = fact?.current;
  if (!c) return <Typography.Text type="secondary">Không còn</Typography.Text>;
  // A date that holds from itself (the day of joining the Youth Union) is not said twice.
  if (c.value === c.from) return <span>{c.value_label}</span>;
  return (
    <span>
      {c.value_label}{' '}
      <Typography.Text type="secondary">
        {dated} {vnDate(c.from)}
      </Typography.Text>
    </span>
  );
}

// A listed field's entries (awards, discipline), newest first, each with its date and decision
// (an entry is dated, rather than holding «from» a date; a sponsor «cùng công tác từ» it).
function Entries({
  fact,
  dated,
  add,
  addText,
}: {
  fact: DossierFact | undefined;
  dated: string;
  add?: () => void;
  addText: string;
}) {
  const entries = [...(fact?.history ?? [])].reverse();
  return (
    <Space direction="vertical" size={4}>
      {entries.map((e) => (
        <span key={e.id}>
          {e.value_label}{' '}
          <Typography.Text type="secondary">
            {dated} {vnDate(e.from)}
          </Typography.Text>
          {e.note && <Typography.Text type="secondary"> — {e.note}</Typography.Text>}
        </span>
      ))}
      {entries.length === 0 && <Typography.Text type="secondary">Chưa có</Typography.Text>}
      {add && (
        <Button size="small" onClick={add}>
          {addText}
        </Button>
      )}
    </Space>
  );
}

// Every record, field by field in the dossier's order, each field's records by date: a record a
// later one corrected is struck through, a correction says what it corrected.
function History({
  records,
  mayShow,
  correct,
}: {
  records: DossierRecord[];
  mayShow: (f: DossierFieldInfo) => boolean;
  correct?: (field: DossierFieldInfo, record: DossierRecord) => void;
}) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const fields = groupedFields(mayShow).flatMap((g) => g.fields);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="dossier-history">
      {fields.map((f) => {
        const own = records
          .filter((r) => r.field === f.value)
          .sort((a, b) => a.from.localeCompare(b.from) || a.id - b.id);
        if (!own.length) return null;
        return (
          <div key={f.value}>
            <Typography.Text strong>{f.label}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {own.map((r) => {
                const corrected = r.replaces !== null ? byId.get(r.replaces) : undefined;
                const what = r.value ? r.value_label : r.replaces !== null ? 'Hủy bản ghi nhầm' : 'Không còn';
                return (
                  <li key={r.id} data-testid={`dossier-record-${r.id}`}>
                    <Typography.Text delete={r.replaced}>
                      {vnDate(r.from)}: {what}
                    </Typography.Text>
                    {r.replaced && <Tag style={{ marginLeft: 8 }}>Đã sửa</Tag>}
                    {corrected && (
                      <Typography.Text type="secondary">
                        {' '}
                        (sửa bản ghi «{corrected.value_label || 'trống'}» từ {vnDate(corrected.from)})
                      </Typography.Text>
                    )}
                    {r.note && <Typography.Text type="secondary"> — {r.note}</Typography.Text>}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: '0.875em' }}>
                      Ghi lúc {vnDateTime(r.recorded_at)}, người ghi: {r.recorded_by}
                    </Typography.Text>
                    {correct && !r.replaced && (r.value || r.replaces === null) && (
                      <Button type="link" size="small" onClick={() => correct(f, r)}>
                        Sửa bản ghi nhầm…
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </Space>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs, { type Dayjs } from 'dayjs';
import { api, can, query, type Account, type TreeNode } from '../api';
import { kindLabel, vnDate, vnNumber } from '../labels';
import { go } from '../route';
import { dateFormat, iso } from './forms';
import { MergeDialog } from './OrgOps';

function toData(n: TreeNode): DataNode {
  return {
    key: n.code,
    title: (
      <span data-testid={`node-${n.code}`}>
        <Typography.Link onClick={() => go('org', n.code)}>{n.name}</Typography.Link>{' '}
        <Tag>{kindLabel[n.kind] ?? n.kind}</Tag>
        <Typography.Text type="secondary">{vnNumber(n.counts.members)} đảng viên</Typography.Text>
      </span>
    ),
    children: n.children.map(toData),
  };
}

export function flatten(n: TreeNode | undefined, out: TreeNode[] = []): TreeNode[] {
  if (!n) return out;
  out.push(n);
  n.children.forEach((c) => flatten(c, out));
  return out;
}

export function useTree(at: Dayjs | null, org?: string) {
  const [root, setRoot] = useState<TreeNode>();
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api
      .get<{ root: TreeNode }>(`/api/v1/tree${query({ at: iso(at), org })}`)
      .then((t) => {
        setRoot(t.root);
        setError('');
      })
      .catch((e) => setError(e.message));
  }, [at, org, version]);
  return { root, error, reload: () => setVersion((v) => v + 1) };
}

// The tree under an org with its counts, as of a date, as an Excel file (a plain link: the session
// cookie goes along and the browser saves the file).
export function treeExportHref(code: string, at: Dayjs | null): string {
  return `/api/v1/orgs/${encodeURIComponent(code)}/export${query({ at: iso(at), format: 'xlsx' })}`;
}

export function TreePage({ account }: { account: Account }) {
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const { root, error, reload } = useTree(at);
  const [merging, setMerging] = useState(false);
  const data = useMemo(() => (root ? [toData(root)] : []), [root]);
  const expanded = useMemo(
    // The root, its children and their children: with clusters in between, the grassroots
    // organizations are one click away at most.
    () => (root ? [root.code, ...root.children.flatMap((c) => [c.code, ...c.children.map((g) => g.code)])] : []),
    [root],
  );
  return (
    <Card
      title={`Cây tổ chức tính đến ngày ${vnDate(iso(at))}`}
      extra={
        <Space>
          <label htmlFor="tree-at">Tính đến ngày</label>
          <DatePicker id="tree-at" value={at} format={dateFormat} onChange={setAt} allowClear={false} />
          {root && (
            <Button href={treeExportHref(root.code, at)} data-testid="export-tree">
              Xuất cây tổ chức (Excel)
            </Button>
          )}
          {can.changeOrgs(account.role) && <Button onClick={() => setMerging(true)}>Hợp nhất tổ chức…</Button>}
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      {root && <Tree key={`${root.code}-${iso(at)}`} treeData={data} defaultExpandedKeys={expanded} blockNode />}
      {merging && root && (
        <MergeDialog
          orgs={flatten(root)}
          onClose={(changed) => {
            setMerging(false);
            if (changed) reload();
          }}
        />
      )}
    </Card>
  );
}

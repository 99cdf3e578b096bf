import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../client';
import { Alert, Button, Card, DatePicker, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs, { type Dayjs } from 'dayjs';
import { can, query, type Viewer, type TreeNode } from '../api';
import { vnDate, vnNumber, label } from '../labels';
import { go } from '../route';
import { iso, dateFormats } from './forms';
import { MergeDialog } from './OrgOps';

function toData(n: TreeNode): DataNode {
  return {
    key: n.code,
    title: (
      <span data-testid={`node-${n.code}`}>
        <Typography.Link onClick={() => go('org', n.code)}>{n.name}</Typography.Link>{' '}
        <Tag>{label('org_kinds', n.kind)}</Tag>
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

// The tree as of `at`: one root, or — when the user's own organization did not exist yet on that
// date (a committee formed on 1/7/2025 looking at 2023) — the units it holds as they stood then.
// On an error nothing of another date stays on screen.
export function useTree(at: Dayjs | null, org?: string) {
  const queryClient = useQueryClient();
  const tree = useQuery({
    queryKey: ['tree', org ?? '', iso(at)],
    queryFn: async ({ signal }) =>
      (await client.GET('/api/v1/tree', { params: { query: { at: iso(at) || undefined, org } }, signal })).data!,
  });
  const t = tree.data;
  const roots = tree.error ? [] : (t?.roots ?? (t?.root ? [t.root] : []));
  const root = roots.length === 1 ? roots[0] : undefined;
  return {
    root,
    roots,
    tree: tree.error ? undefined : t,
    error: tree.error?.message ?? '',
    reload: () => queryClient.invalidateQueries(),
  };
}

// The tree under an org with its counts, as of a date, as an Excel file (a plain link: the session
// cookie goes along and the browser saves the file).
export function treeExportHref(code: string, at: Dayjs | null): string {
  return `/api/v1/orgs/${encodeURIComponent(code)}/export${query({ at: iso(at), format: 'xlsx' })}`;
}

export function TreePage({ account }: { account: Viewer }) {
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const { root, roots, tree, error, reload } = useTree(at);
  // When the user's committee did not exist on the date, the answer says when it was formed.
  const formed = tree;
  const [merging, setMerging] = useState(false);
  const data = useMemo(() => roots.map(toData), [roots]);
  const expanded = useMemo(
    // Each root, its children and their children: with clusters in between, the grassroots
    // organizations are one click away at most.
    () => roots.flatMap((r) => [r.code, ...r.children.flatMap((c) => [c.code, ...c.children.map((g) => g.code)])]),
    [roots],
  );
  return (
    <Card
      title={`Cây tổ chức tính đến ngày ${vnDate(iso(at))}`}
      extra={
        <Space>
          <label htmlFor="tree-at">Tính đến ngày</label>
          <DatePicker id="tree-at" value={at} format={dateFormats} onChange={setAt} allowClear={false} />
          {root && (
            <Button href={treeExportHref(root.code, at)} data-testid="export-tree">
              Xuất cây tổ chức (Excel)
            </Button>
          )}
          {can.changeOrgs(account) && <Button onClick={() => setMerging(true)}>Hợp nhất tổ chức…</Button>}
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      {(roots.length > 1 || formed?.formed_on) && (
        <Alert
          type="info"
          data-testid="tree-forest"
          message={
            formed?.formed_on
              ? `${formed.scope_org_name} được thành lập ngày ${vnDate(formed.formed_on)}, nên chưa có vào ngày ${vnDate(iso(at))}. Dưới đây là các tổ chức nay thuộc phạm vi quản lý, như chúng có vào ngày ấy.`
              : `Tổ chức của bạn chưa thành lập vào ngày ${vnDate(iso(at))}; dưới đây là các tổ chức nay thuộc phạm vi quản lý, như chúng có vào ngày ấy.`
          }
        />
      )}
      {roots.length > 0 && (
        <Tree
          key={`${roots.map((r) => r.code).join()}-${iso(at)}`}
          treeData={data}
          defaultExpandedKeys={expanded}
          blockNode
        />
      )}
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

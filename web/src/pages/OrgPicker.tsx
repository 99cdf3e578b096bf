// The organization a report page is about, chosen in the tree the account may read (searched
// without diacritics); choosing one opens the same page for it (a new route, `#/PAGE/CODE`).
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeNode } from '../api';
import { go } from '../route';
import { matchFolded } from '../search';

type SelectNode = { title: string; value: string; children: SelectNode[] };
function toSelect(n: TreeNode): SelectNode {
  return { title: n.name, value: n.code, children: n.children.map(toSelect) };
}

export function OrgPicker({
  root,
  org,
  page,
  testid,
  minWidth = 280,
}: {
  root: TreeNode | undefined;
  org: string;
  page: string;
  testid?: string;
  minWidth?: number;
}) {
  const treeData = useMemo(() => (root ? [toSelect(root)] : []), [root]);
  return (
    <TreeSelect
      aria-label="Tổ chức"
      data-testid={testid}
      style={{ minWidth }}
      treeData={treeData}
      value={org || undefined}
      showSearch
      filterTreeNode={(input, node) => matchFolded(input, node)}
      onChange={(v: string) => go(page, v)}
    />
  );
}

// Each page's main heading (h1), named after the part of the app it belongs to; it also names
// the browser tab. The page below keeps its own card titles.
import { useEffect } from 'react';
import { Typography } from 'antd';

export const pageTitle: Record<string, string> = {
  tree: 'Cây tổ chức',
  org: 'Tổ chức đảng',
  members: 'Đảng viên',
  member: 'Hồ sơ đảng viên',
  work: 'Công tác',
  plan: 'Kế hoạch năm',
  report: 'Báo cáo',
  statistics: 'Thống kê đảng viên',
  dues: 'Đảng phí',
  'dues-report': 'Báo cáo đảng phí',
  badges: 'Huy hiệu Đảng',
  ratings: 'Đánh giá, xếp loại đảng viên',
  'org-results': 'Xếp loại tổ chức đảng và thi đua',
  conferences: 'Hội nghị',
  conference: 'Hội nghị',
  import: 'Nhập từ Excel',
  accounts: 'Tài khoản người dùng',
  audit: 'Nhật ký thao tác',
  settings: 'Cá nhân',
  password: 'Cá nhân',
};

// The menu item each page sits under.
export const sectionOf: Record<string, string> = {
  tree: 'tree',
  org: 'tree',
  members: 'members',
  member: 'members',
  work: 'work',
  plan: 'work',
  report: 'report',
  statistics: 'report',
  dues: 'tree',
  'dues-report': 'report',
  badges: 'report',
  ratings: 'report',
  'org-results': 'report',
  conferences: 'conferences',
  conference: 'conferences',
  import: 'import',
  accounts: 'accounts',
  audit: 'audit',
  settings: 'settings',
  password: 'settings',
};

export function PageHeading({ page }: { page: string }) {
  const title = pageTitle[page] ?? 'Không có trang này';
  useEffect(() => {
    document.title = `${title} — dangvu`;
  }, [title]);
  return (
    <Typography.Title level={1} style={{ fontSize: '1.4em', margin: '0 0 12px' }}>
      {title}
    </Typography.Title>
  );
}

export function NotFound() {
  return (
    <Typography.Paragraph data-testid="not-found">
      Địa chỉ này không dẫn tới trang nào của dangvu. <a href="#/tree">Về cây tổ chức</a>.
    </Typography.Paragraph>
  );
}

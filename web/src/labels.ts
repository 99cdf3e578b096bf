// Vietnamese words for the API's codes, and dates as dd/mm/yyyy.
export const kindLabel: Record<string, string> = {
  upper_committee: 'Đảng ủy cấp trên',
  cluster: 'Cụm',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_branch: 'Chi bộ cơ sở',
  sub_branch: 'Chi bộ trực thuộc',
};
export const statusLabel: Record<string, string> = {
  none: 'Chưa có',
  candidate: 'Quần chúng ưu tú',
  probationary: 'Đảng viên dự bị',
  official: 'Đảng viên chính thức',
  removed: 'Đã xóa tên',
  expelled: 'Đã khai trừ',
  resigned: 'Đã ra khỏi Đảng',
  deceased: 'Đã từ trần',
};
export const eventLabel: Record<string, string> = {
  candidate_registration: 'Đăng ký quần chúng ưu tú',
  admission: 'Kết nạp',
  recognition: 'Công nhận đảng viên chính thức',
  transfer: 'Chuyển sinh hoạt',
  removal: 'Xóa tên',
  expulsion: 'Khai trừ',
  resignation: 'Ra khỏi Đảng',
  death: 'Từ trần',
  readmission: 'Kết nạp lại',
  correction: 'Đính chính',
};
export const genderLabel: Record<string, string> = {
  male: 'Nam',
  female: 'Nữ',
  unknown: 'Chưa ghi',
};
export const roleLabel: Record<string, string> = {
  admin: 'Quản trị hệ thống',
  committee_office: 'Văn phòng cấp ủy',
  branch_secretary: 'Bí thư chi bộ',
  inspection: 'Ủy ban kiểm tra',
  viewer: 'Chỉ xem',
};
export const conferenceKindLabel: Record<string, string> = {
  quarterly_review: 'Sơ kết quý',
  half_year_review: 'Sơ kết 6 tháng',
  year_review: 'Tổng kết năm',
  cluster_briefing: 'Giao ban cụm thi đua',
  thematic: 'Chuyên đề',
};
// The period kind each conference kind takes (the server checks it: conference.period_kind).
export const conferencePeriodKind: Record<string, 'quarter' | 'half' | 'year' | 'month'> = {
  quarterly_review: 'quarter',
  half_year_review: 'half',
  year_review: 'year',
  cluster_briefing: 'quarter',
  thematic: 'half',
};
export const taskStatusColor: Record<string, string> = {
  open: 'blue',
  done: 'green',
  overdue: 'red',
  cancelled: 'default',
};
export const attendanceColor: Record<string, string> = {
  invited: 'default',
  present: 'green',
  late: 'orange',
  absent: 'red',
};
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
export function vnNumber(n: number): string {
  return n.toLocaleString('vi-VN');
}

#include "core/field_labels.h"

#include <array>
#include <cctype>
#include <string_view>

namespace dangvu {
namespace {

struct FieldLabel {
  // Empty: wherever no entry of the action applies; "org.merge": that action; "org.": every
  // action of the group (an exact action wins over its group).
  std::string_view action;
  std::string_view field;
  std::string_view label;
};

// Every field name of the API's requests (bodies, query and path parameters), of the refusals the
// service writes, and every key the audit log records of an action (its `detail`). A name that
// means one thing in one action only comes with that action.
constexpr std::array kLabels = std::to_array<FieldLabel>({
    // What a group of actions means by a general name.
    {"org.", "code", "Mã tổ chức"},
    {"org.", "name", "Tên tổ chức"},
    {"org.", "kind", "Loại tổ chức"},
    {"member.", "code", "Mã đảng viên"},
    {"member.", "name", "Họ và tên"},
    {"member.", "kind", "Loại sự kiện"},
    {"meeting.", "kind", "Loại buổi sinh hoạt"},
    {"conference.add", "kind", "Loại hội nghị"},
    {"conference.item", "kind", "Loại nội dung"},
    {"conference.decision", "kind", "Loại quyết nghị"},
    {"conference.site", "name", "Tên điểm cầu"},
    {"conference.invite", "members", "Đảng viên được mời"},
    {"conference.invite", "orgs", "Tổ chức được mời"},
    {"conference.attendance", "status", "Tình hình tham dự"},
    {"conference.attendance", "participant", "Số hiệu người tham dự"},
    {"conference.attendance_bulk", "status", "Tình hình tham dự"},
    {"conference.attendance_bulk", "participant", "Số hiệu người tham dự"},
    {"task.status", "status", "Tình hình thực hiện"},
    {"meeting.cancel", "reason", "Lý do hủy"},
    {"oversight.cancel", "reason", "Lý do hủy"},
    {"study.cancel", "reason", "Lý do hủy"},
    {"conference.cancel", "reason", "Lý do hủy"},
    {"task.status", "date", "Ngày cập nhật"},
    {"org.office_holder", "name", "Họ và tên"},
    {"account.create", "org", "Tổ chức quản lý"},
    {"demo.generate", "orgs", "Số tổ chức"},
    {"demo.generate", "members", "Số đảng viên"},
    {"db.migrate", "from", "Cơ sở dữ liệu nguồn"},
    // Organizations.
    {"", "org", "Tổ chức"},
    {"", "orgs", "Tổ chức"},
    {"", "code", "Mã"},
    {"", "name", "Tên"},
    {"", "kind", "Loại"},
    {"", "parent", "Tổ chức cấp trên"},
    {"", "into", "Tổ chức hợp nhất vào"},
    {"org.merge", "from", "Các tổ chức được hợp nhất"},
    {"org.merge", "name", "Tên tổ chức mới"},
    {"org.merge", "kind", "Loại tổ chức mới"},
    {"org.merge", "parent", "Tổ chức cấp trên của tổ chức mới"},
    {"", "new_name", "Tên tổ chức mới"},
    {"", "new_kind", "Loại tổ chức mới"},
    {"", "new_parent", "Tổ chức cấp trên của tổ chức mới"},
    {"", "parts", "Các tổ chức mới"},
    {"", "assign", "Tổ chức trực thuộc chuyển về"},
    {"", "members_to", "Tổ chức nhận đảng viên"},
    // Dates and ranges.
    {"", "date", "Ngày"},
    {"", "at", "Tính đến ngày"},
    {"", "from", "Từ ngày"},
    {"", "to", "Đến ngày"},
    {"", "year", "Năm"},
    {"", "period", "Kỳ báo cáo"},
    // Members and their events.
    {"", "member", "Đảng viên"},
    {"", "member_code", "Đảng viên"},
    {"", "members", "Đảng viên"},
    {"", "family", "Họ"},
    {"", "middle", "Tên đệm"},
    {"", "given", "Tên"},
    {"", "birth_date", "Ngày sinh"},
    {"", "gender", "Giới tính"},
    {"", "first", "Sự kiện đầu tiên"},
    {"", "status", "Trạng thái"},
    {"", "mode", "Hình thức"},
    {"", "decision_no", "Số quyết định"},
    {"", "ceremony_date", "Ngày tổ chức lễ kết nạp"},
    {"", "vote_date", "Ngày chi bộ biểu quyết"},
    {"", "age_exception_ref", "Quyết định kết nạp quá tuổi"},
    {"", "card_number", "Số thẻ đảng viên"},
    {"", "reason", "Lý do"},
    {"", "ground", "Lý do ra khỏi Đảng"},
    {"", "sent_on", "Ngày nộp lên cấp trên"},
    {"", "remittance", "Lần nộp lên cấp trên"},
    {"", "occasion", "Đợt trao tặng Huy hiệu Đảng"},
    {"badge.", "ground", "Căn cứ đề nghị tặng"},
    {"badge.", "record", "Bản ghi Huy hiệu Đảng"},
    {"badge.", "award", "Quyết định tặng"},
    {"", "years", "Loại Huy hiệu (số năm tuổi Đảng)"},
    {"", "decided_by", "Cấp quyết định"},
    {"", "decided_on", "Ngày quyết định"},
    {"", "presented_on", "Ngày trao tặng"},
    {"rating.", "score", "Điểm đánh giá"},
    {"rating.", "category", "Mức xếp loại"},
    {"rating.", "step", "Bước đánh giá"},
    {"rating.", "tasks_on_time", "Hoàn thành 100% nhiệm vụ đúng tiến độ"},
    {"rating.", "record", "Bản ghi đánh giá, xếp loại"},
    {"", "tasks_late_percent", "Tỷ lệ nhiệm vụ chậm tiến độ (%)"},
    {"", "tasks_exceeding_percent", "Tỷ lệ nhiệm vụ vượt yêu cầu (%)"},
    {"", "disciplined", "Có tổ chức trực thuộc hoặc cấp ủy viên bị kỷ luật trong năm"},
    {"emulation.", "title", "Danh hiệu thi đua"},
    {"", "recognized", "Được công nhận"},
    {"org_result.", "record", "Bản ghi xếp loại, thi đua của tổ chức"},
    {"", "corrects", "Sự kiện được sửa"},
    {"", "voids", "Hủy sự kiện"},
    {"", "new_date", "Ngày mới"},
    {"", "new_org", "Tổ chức mới"},
    {"", "new_ceremony_date", "Ngày lễ kết nạp mới"},
    {"", "new_decision_no", "Số quyết định mới"},
    {"", "new_card_number", "Số thẻ đảng viên mới"},
    {"", "q", "Từ khóa tìm kiếm"},
    // The dossier.
    {"", "changes", "Các thay đổi hồ sơ"},
    {"", "field", "Mục hồ sơ"},
    {"", "value", "Giá trị"},
    {"", "replaces", "Bản ghi được sửa"},
    {"", "fields", "Các mục hồ sơ"},
    // Work records.
    {"", "number", "Số văn bản"},
    {"", "issued_on", "Ngày ban hành"},
    {"", "issuing_body", "Cơ quan ban hành"},
    {"", "title", "Tiêu đề"},
    {"", "document", "Văn bản"},
    {"", "indicator", "Chỉ tiêu"},
    {"", "target", "Mức kế hoạch"},
    {"", "topic", "Chủ đề"},
    {"", "quality", "Xếp loại chất lượng"},
    {"", "absent", "Đảng viên vắng mặt"},
    {"", "attendees", "Đảng viên tham dự"},
    {"", "basis", "Căn cứ"},
    {"", "subject", "Đối tượng"},
    {"", "subject_org", "Tổ chức được kiểm tra, giám sát"},
    {"", "subject_member", "Đảng viên được kiểm tra, giám sát"},
    {"", "conclusion", "Kết luận"},
    // Conferences.
    {"", "conference", "Hội nghị"},
    {"", "start_time", "Giờ bắt đầu"},
    {"", "chair", "Chủ trì"},
    {"", "chair_name", "Chủ trì"},
    {"", "secretary", "Thư ký"},
    {"", "secretary_name", "Thư ký"},
    {"", "agenda", "Chương trình"},
    {"", "site", "Điểm cầu"},
    {"", "address", "Địa chỉ"},
    {"", "link", "Đường dẫn trực tuyến"},
    {"", "host", "Tổ chức chủ trì điểm cầu"},
    {"", "guests", "Khách mời"},
    {"", "organization", "Đơn vị"},
    {"", "participant", "Người tham dự"},
    {"", "entries", "Danh sách điểm danh"},
    {"", "all_unrecorded", "Ghi có mặt mọi đảng viên chưa điểm danh"},
    {"", "speaker", "Người trình bày"},
    {"", "speaker_name", "Người trình bày"},
    {"", "speaker_title", "Chức vụ người trình bày"},
    {"", "speaker_org", "Đơn vị người trình bày"},
    {"", "summary", "Tóm tắt"},
    {"", "text", "Nội dung"},
    {"", "cluster", "Cụm thi đua"},
    {"", "leading", "Cụm trưởng"},
    {"", "deputy", "Cụm phó"},
    {"", "for_period", "Kỳ luân phiên"},
    {"", "task", "Nhiệm vụ"},
    {"", "owner", "Tổ chức thực hiện"},
    {"", "due", "Hạn hoàn thành"},
    {"", "note", "Ghi chú"},
    // Who issues and signs.
    {"", "committee_name", "Tên cấp ủy"},
    {"", "symbol", "Ký hiệu cơ quan ban hành"},
    {"", "signing_authority", "Thể thức ký"},
    {"", "place", "Địa danh"},
    {"", "position", "Chức vụ"},
    // Accounts and the audit log.
    {"", "username", "Tên đăng nhập"},
    {"", "password", "Mật khẩu"},
    {"", "current_password", "Mật khẩu hiện tại"},
    {"", "new_password", "Mật khẩu mới"},
    {"", "display_name", "Tên hiển thị"},
    {"", "role", "Vai trò"},
    {"", "user", "Tài khoản"},
    {"", "account", "Tài khoản"},
    // Pages, files and formats.
    {"", "limit", "Số dòng"},
    {"", "offset", "Vị trí bắt đầu"},
    {"", "before", "Trước mục"},
    {"", "format", "Định dạng"},
    {"", "part", "Phần"},
    {"", "author", "Người viết"},
    {"", "file", "Tệp"},
    {"", "file_name", "Tên tệp"},
    {"", "sheet", "Trang tính"},
    {"", "header", "Dòng tiêu đề"},
    {"", "mapping", "Ghép cột"},
    {"", "under", "Tìm chi bộ trong"},
    {"", "dry_run", "Chạy thử"},
    {"", "valid_only", "Chỉ nhập các dòng hợp lệ"},
    {"", "sensitive", "Kèm dữ liệu nhạy cảm"},
    {"", "body", "Nội dung yêu cầu"},
    // Keys only the audit log records.
    {"", "id", "Số hiệu"},
    {"", "seq", "Số thứ tự"},
    {"", "new", "Tạo tổ chức mới"},
    {"", "expected", "Số đảng viên phải dự"},
    {"", "present", "Số đảng viên có mặt"},
    {"", "added", "Số người được mời thêm"},
    {"", "already", "Số người đã được mời trước"},
    {"", "rows", "Số dòng"},
    {"", "recorded", "Số người được ghi"},
    {"", "created", "Số bản ghi tạo mới"},
    {"", "updated", "Số bản ghi cập nhật"},
    {"", "unchanged", "Số bản ghi không đổi"},
    {"", "rejected", "Số dòng bị từ chối"},
    {"", "tables", "Số bảng"},
    {"", "events", "Số sự kiện"},
    {"", "meetings", "Số buổi sinh hoạt"},
    {"", "oversights", "Số cuộc kiểm tra, giám sát"},
    {"", "study_sessions", "Số buổi học tập nghị quyết"},
    {"", "from_org", "Từ tổ chức"},
    {"", "to_org", "Sang tổ chức"},
});

std::string_view plain_label(std::string_view field, std::string_view action) {
  std::string_view of_group, general;
  for (const auto& l : kLabels) {
    if (l.field != field) continue;
    if (l.action.empty()) {
      general = l.label;
    } else if (l.action == action) {
      return l.label;
    } else if (l.action.back() == '.' && action.substr(0, l.action.size()) == l.action) {
      of_group = l.label;
    }
  }
  return of_group.empty() ? general : of_group;
}

}  // namespace

std::string field_label(std::string_view field, std::string_view action) {
  // "entries[3].member": the element's field on the list's line 4.
  const std::size_t open = field.find('[');
  if (open != std::string_view::npos) {
    const std::size_t close = field.find(']', open);
    if (close == std::string_view::npos || close == open + 1) return "";
    std::string_view digits = field.substr(open + 1, close - open - 1);
    long long index = 0;
    for (char c : digits) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || digits.size() > 9) return "";
      index = index * 10 + (c - '0');
    }
    std::string_view rest = field.substr(close + 1);
    std::string inner;
    if (rest.empty()) {
      inner = plain_label(field.substr(0, open), action);
    } else if (rest.front() == '.') {
      inner = field_label(rest.substr(1), action);
    }
    if (inner.empty()) return "";
    return inner + " (dòng " + std::to_string(index + 1) + ")";
  }
  return std::string(plain_label(field, action));
}

std::string with_field_labels(std::string_view message, std::string_view action) {
  static constexpr std::string_view kOpen = "Trường «";
  static constexpr std::string_view kClose = "»";
  std::string out;
  out.reserve(message.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = message.find(kOpen, pos);
    if (start == std::string_view::npos) break;
    const std::size_t name_at = start + kOpen.size();
    const std::size_t end = message.find(kClose, name_at);
    if (end == std::string_view::npos) break;
    const std::string label = field_label(message.substr(name_at, end - name_at), action);
    out.append(message.substr(pos, name_at - pos));
    if (label.empty()) {
      out.append(message.substr(name_at, end - name_at));
    } else {
      out.append(label);
    }
    pos = end;
  }
  out.append(message.substr(pos));
  return out;
}

}  // namespace dangvu

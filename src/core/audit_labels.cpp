#include "core/audit_labels.h"

#include <array>
#include <utility>

namespace dangvu {
namespace {

using Label = std::pair<std::string_view, std::string_view>;

// Every action the program writes to the audit log (grep "audit(" in src/service, and the
// entries the demo, the migrations, a restore and a schema migration write).
constexpr std::array kActions = std::to_array<Label>({
    // Sessions and accounts.
    {"session.login", "Đăng nhập"},
    {"session.login_failed", "Đăng nhập không thành công"},
    {"session.logout", "Đăng xuất"},
    {"account.create", "Tạo tài khoản"},
    {"account.reset_password", "Cấp lại mật khẩu"},
    {"account.disable", "Khóa tài khoản"},
    {"account.enable", "Mở khóa tài khoản"},
    {"account.change_password", "Đổi mật khẩu"},
    // Organizations.
    {"org.create", "Thành lập tổ chức"},
    {"org.rename", "Đổi tên tổ chức"},
    {"org.move", "Chuyển tổ chức sang trực thuộc cấp trên khác"},
    {"org.merge", "Hợp nhất tổ chức"},
    {"org.split", "Chia tách tổ chức"},
    {"org.dissolve", "Giải thể tổ chức"},
    {"org.import", "Nhập danh sách tổ chức từ tệp"},
    {"org.issuer", "Ghi cơ quan ban hành văn bản"},
    {"org.office_holder", "Ghi bí thư, phó bí thư"},
    // Members: "member.event." + the event's kind.
    {"member.add", "Thêm hồ sơ đảng viên"},
    {"member.dossier", "Cập nhật hồ sơ đảng viên"},
    {"member.dossier_read", "Xem thông tin nhạy cảm trong hồ sơ đảng viên"},
    {"member.export_sensitive", "Xuất danh sách đảng viên kèm thông tin nhạy cảm"},
    {"member.dues", "Ghi đối tượng, mức, miễn, giảm đảng phí của đảng viên"},
    {"dues.month", "Ghi thu đảng phí của một tháng"},
    {"dues.cancel", "Hủy một lần nộp đảng phí ghi nhầm"},
    {"dues.import", "Nhập tệp đảng phí đã nộp qua Cổng Dịch vụ công"},
    {"dues.remit", "Ghi nộp đảng phí lên cấp trên"},
    {"dues.remit_cancel", "Hủy một lần nộp đảng phí lên cấp trên ghi nhầm"},
    {"badge.award", "Ghi quyết định tặng Huy hiệu Đảng"},
    {"badge.present", "Ghi trao tặng Huy hiệu Đảng"},
    {"badge.reissue", "Ghi cấp lại Huy hiệu Đảng"},
    {"badge.cancel", "Hủy một bản ghi Huy hiệu Đảng ghi nhầm"},
    {"rating.record", "Ghi tự đánh giá hoặc đề xuất xếp loại đảng viên"},
    {"rating.decide", "Ghi quyết định xếp loại chất lượng đảng viên"},
    {"rating.cancel", "Hủy một bản ghi đánh giá, xếp loại ghi nhầm"},
    {"rating.org_record", "Ghi tự đánh giá, xếp loại của tổ chức đảng"},
    {"rating.org_decide", "Ghi quyết định xếp loại chất lượng tổ chức đảng"},
    {"rating.org_cancel", "Hủy một bản ghi xếp loại tổ chức đảng ghi nhầm"},
    {"emulation.register", "Ghi đăng ký danh hiệu thi đua của tổ chức đảng"},
    {"emulation.decide", "Ghi quyết định công nhận danh hiệu thi đua"},
    {"emulation.cancel", "Hủy một bản ghi thi đua ghi nhầm"},
    {"member.import", "Nhập danh sách đảng viên từ tệp"},
    {"member.event.candidate_registration", "Ghi nhận quần chúng ưu tú"},
    {"member.event.admission", "Kết nạp đảng viên"},
    {"member.event.recognition", "Công nhận đảng viên chính thức"},
    {"member.event.transfer", "Chuyển sinh hoạt đảng"},
    {"member.event.removal", "Xóa tên đảng viên"},
    {"member.event.expulsion", "Khai trừ đảng viên"},
    {"member.event.resignation", "Ghi nhận đảng viên ra khỏi Đảng"},
    {"member.event.death", "Ghi nhận đảng viên từ trần"},
    {"member.event.readmission", "Kết nạp lại đảng viên"},
    {"member.event.correction", "Đính chính sự kiện đã ghi"},
    // Work records: inspections and supervisions are "<kind>.add".
    {"document.add", "Ghi văn bản vào sổ"},
    {"plan.target", "Đặt chỉ tiêu kế hoạch năm"},
    {"meeting.add", "Ghi buổi sinh hoạt chi bộ"},
    {"inspection.add", "Ghi cuộc kiểm tra"},
    {"supervision.add", "Ghi cuộc giám sát"},
    {"study.add", "Ghi buổi học tập, quán triệt nghị quyết"},
    {"oversight.reassign", "Chuyển cuộc kiểm tra, giám sát của cụm thi đua về cấp ủy"},
    {"meeting.cancel", "Hủy buổi sinh hoạt chi bộ ghi nhầm"},
    {"oversight.cancel", "Hủy cuộc kiểm tra, giám sát ghi nhầm"},
    {"study.cancel", "Hủy buổi học tập nghị quyết ghi nhầm"},
    // Review conferences and their tasks.
    {"conference.add", "Tạo hội nghị"},
    {"conference.site", "Thêm điểm cầu"},
    {"conference.invite", "Mời dự hội nghị"},
    {"conference.attendance", "Điểm danh người dự hội nghị"},
    {"conference.attendance_bulk", "Điểm danh nhiều người dự hội nghị"},
    {"conference.report", "Gắn báo cáo vào hội nghị"},
    {"conference.item", "Ghi nội dung chương trình hội nghị"},
    {"conference.item_file", "Đính kèm tệp tham luận"},
    {"conference.conclusion", "Ghi kết luận hội nghị"},
    {"conference.decision", "Ghi quyết nghị của hội nghị"},
    {"conference.cancel", "Hủy hội nghị ghi nhầm"},
    {"task.add", "Giao nhiệm vụ trọng tâm"},
    {"task.status", "Cập nhật tình hình thực hiện nhiệm vụ"},
    // The command line's own.
    {"demo.generate", "Tạo dữ liệu mẫu"},
    {"db.migrate", "Chuyển dữ liệu sang cơ sở dữ liệu khác"},
    {"backup.restore", "Khôi phục dữ liệu từ bản sao lưu"},
});

// A plain "before": the old value of which key.
constexpr std::array kBefore = std::to_array<Label>({
    {"plan.target", "target"},
    {"conference.attendance", "status"},
    {"conference.conclusion", "text"},
});

}  // namespace

std::string action_label(std::string_view action) {
  for (const auto& [code, label] : kActions) {
    if (code == action) return std::string(label);
  }
  return std::string(action);
}

bool has_action_label(std::string_view action) {
  for (const auto& [code, label] : kActions) {
    if (code == action) return true;
  }
  return false;
}

std::string actor_label(std::string_view actor, std::string_view address) {
  static constexpr std::string_view kCli = "cli:";
  if (address == "cli" || address.empty()) {
    if (actor.substr(0, kCli.size()) == kCli) {
      const std::string_view user = actor.substr(kCli.size());
      if (user.empty() || user == "unknown") return "Dòng lệnh";
      return "Dòng lệnh (" + std::string(user) + ")";
    }
    if (actor == "demo") return "Chương trình tạo dữ liệu mẫu";
    if (actor == "migration") return "Nâng cấp cơ sở dữ liệu";
  }
  return std::string(actor);
}

std::string_view before_of(std::string_view action) {
  for (const auto& [code, key] : kBefore) {
    if (code == action) return key;
  }
  return {};
}

}  // namespace dangvu

// The demo's past conference: the first quarter's review of 2026 of one grassroots committee, held
// in April at one site, with its attendance, the quarter's report, a contribution, the directing
// speech, the conclusion and three tasks — one done, one overdue on the demo's last day, one still
// open — so that the overdue lists, 'prepare next' and the documents have something to show, and a
// newcomer can record the half-year review that follows. Recorded through the registry's own use
// cases (each its own transaction, checked and audited as a typed entry).
#include "service/demo_conference.h"

namespace dangvu::service::demo {

Status add_past_conference(Registry& r, const std::string& org_code,
                           const std::string& chair_code) {
  const std::string date = "2026-04-08";
  ListMembersInput list;
  list.org_code = org_code;
  list.at = date;
  list.status = "official";
  list.limit = 2;
  auto officials = r.list_members(list);
  if (!officials.ok()) return officials.error();
  if (officials->rows.size() < 2) {
    return Error::invalid("org", "Dữ liệu mẫu: tổ chức «" + org_code + "» không đủ đảng viên.",
                          "demo conference org has too few members");
  }
  ConferenceInput in;
  in.org_code = org_code;
  in.kind = "quarterly_review";
  in.period = "2026-Q1";
  in.date = date;
  in.start_time = "08:00";
  in.chair_code = chair_code.empty() ? officials->rows[0].code : chair_code;
  in.secretary_code = officials->rows[in.chair_code == officials->rows[1].code ? 0 : 1].code;
  in.agenda = {"Báo cáo kết quả công tác xây dựng Đảng quý I, nhiệm vụ trọng tâm quý II năm 2026",
               "Tham luận của các chi bộ", "Phát biểu chỉ đạo của đại diện cấp ủy cấp trên",
               "Kết luận hội nghị"};
  auto id = r.create_conference(in);
  if (!id.ok()) return id.error();
  const long long c = *id;
  auto site = r.add_conference_site(
      {c, "in_person", "Hội trường cơ quan", "Số 8 đường Lê Lợi, thành phố An Bình", "", org_code});
  if (!site.ok()) return site.error();
  InviteInput invite;
  invite.conference = c;
  invite.org_codes = {org_code};
  invite.guests = {{"Lê Văn Thành", "Phó Bí thư", "Đảng ủy các cơ quan Đảng tỉnh"}};
  auto invited = r.invite(invite);
  if (!invited.ok()) return invited.error();

  // Everyone came but two away on duty and one late; the guest came.
  auto view = r.show_conference(c, "");
  if (!view.ok()) return view.error();
  int members = 0;
  for (const auto& p : view->participants) {
    AttendanceInput a;
    a.conference = c;
    a.site = 1;
    a.status = "present";
    if (p.kind == "member") {
      a.member_code = p.member_code;
      ++members;
      const bool chairs = p.member_code == in.chair_code || p.member_code == in.secretary_code;
      if ((members == 3 || members == 7) && !chairs) {
        a.status = "absent";
        a.reason = members == 3 ? "Đi công tác" : "Ốm";
      } else if (members == 5) {
        a.status = "late";
      }
    } else {
      a.participant = p.id;
    }
    DANGVU_TRY(r.record_attendance(a));
  }
  DANGVU_TRY(r.attach_report({c, "", ""}));
  auto contribution = r.add_conference_item(
      {c, "contribution", officials->rows[1].code, "", "Bí thư chi bộ", "",
       "Nâng cao chất lượng sinh hoạt chi bộ gắn với thực hiện nhiệm vụ chính trị",
       "tham-luan-sinh-hoat-chi-bo.docx", ""});
  if (!contribution.ok()) return contribution.error();
  auto speech = r.add_conference_item(
      {c, "directing_speech", "", "Lê Văn Thành", "Phó Bí thư", "Đảng ủy các cơ quan Đảng tỉnh", "",
       "",
       "Đề nghị Đảng bộ tập trung nâng cao chất lượng sinh hoạt chi bộ, hoàn thành chỉ tiêu "
       "kiểm tra, giám sát và phát triển đảng viên quý II năm 2026."});
  if (!speech.ok()) return speech.error();
  DANGVU_TRY(r.conclude_conference(
      {c,
       "Hội nghị thống nhất thông qua Báo cáo kết quả công tác xây dựng Đảng quý I năm 2026 và "
       "giao 03 nhiệm vụ trọng tâm cho Đảng bộ và các chi bộ trực thuộc."}));

  // The tasks, owned by the committee and two of its branches.
  auto history = r.store().load_org_history();
  if (!history.ok()) return history.error();
  const OrgTree tree = history->tree_as_of(Date::parse(date).value());
  auto org = r.store().find_org(org_code);
  if (!org.ok()) return org.error();
  const auto* node = *org ? tree.find(**org) : nullptr;
  if (node == nullptr || node->children.size() < 2) {
    return Error::invalid("org", "Dữ liệu mẫu: tổ chức «" + org_code + "» không có chi bộ.",
                          "demo conference org has too few branches");
  }
  const std::string first = history->code(node->children[0]);
  const std::string second = history->code(node->children[1]);
  auto done = r.add_task({c, org_code,
                          "Tổ chức quán triệt, triển khai Nghị quyết Đại hội Đảng bộ nhiệm kỳ "
                          "2025–2030 đến toàn thể đảng viên",
                          "2026-05-31"});
  if (!done.ok()) return done.error();
  auto overdue =
      r.add_task({c, first, "Hoàn thành sinh hoạt chuyên đề theo kế hoạch 6 tháng đầu năm 2026",
                  "2026-06-30"});
  if (!overdue.ok()) return overdue.error();
  auto open = r.add_task({c, second, "Kết nạp đảng viên mới theo chỉ tiêu năm 2026", "2026-12-31"});
  if (!open.ok()) return open.error();
  return r.set_task_status({*done, "done", "2026-05-20", "Đã tổ chức hội nghị quán triệt."});
}

}  // namespace dangvu::service::demo

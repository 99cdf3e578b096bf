// The audit log's labels: every action the program writes has a Vietnamese name (the sources are
// read for the actions they write, so a new one without a label fails here), the actor is named
// for a person, and which key a plain "before" is the old value of.
#include "core/audit_labels.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/activity.h"
#include "core/member.h"

namespace dangvu {
namespace {

// The actions written in src/: the literal of each audit(…), `.action = "…"` and
// apply_org_change("…") ("org." + it), and those a schema migration inserts in SQL.
std::set<std::string> actions_in_sources() {
  std::set<std::string> out;
  const std::regex literal(R"re("([a-z_]+(\.[a-z_]+)+)")re");
  const std::regex org_change(R"re(apply_org_change\("([a-z_]+)")re");
  const std::regex sql(R"re('migration', '([a-z_.]+)')re");
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(DANGVU_SOURCE_DIR) + "/src")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_search(line, m, org_change)) out.insert("org." + m[1].str());
      if (std::regex_search(line, m, sql)) out.insert(m[1].str());
      const bool writes =
          line.find("audit(") != std::string::npos || line.find(".action = ") != std::string::npos;
      if (!writes || line.find("read_audit") != std::string::npos) continue;
      for (auto it = std::sregex_iterator(line.begin(), line.end(), literal);
           it != std::sregex_iterator(); ++it) {
        out.insert((*it)[1].str());
      }
    }
  }
  return out;
}

TEST(AuditLabels, EveryActionTheProgramWritesHasAVietnameseName) {
  std::set<std::string> actions = actions_in_sources();
  // Written from a value: "member.event." + the event's kind, "<oversight kind>.add".
  for (auto k : {MemberEventKind::candidate_registration, MemberEventKind::admission,
                 MemberEventKind::recognition, MemberEventKind::transfer, MemberEventKind::removal,
                 MemberEventKind::expulsion, MemberEventKind::resignation, MemberEventKind::death,
                 MemberEventKind::readmission, MemberEventKind::correction}) {
    actions.insert("member.event." + std::string(to_string(k)));
  }
  for (auto k : {OversightKind::inspection, OversightKind::supervision}) {
    actions.insert(std::string(to_string(k)) + ".add");
  }
  // The reading finds them all (a sample), so a new one cannot slip past.
  for (const char* known : {"session.login", "account.disable", "account.enable", "org.merge",
                            "org.rename", "conference.attendance", "oversight.reassign",
                            "demo.generate", "db.migrate", "backup.restore", "org.issuer"}) {
    EXPECT_TRUE(actions.count(known)) << known;
  }
  for (const auto& a : actions) {
    EXPECT_TRUE(has_action_label(a)) << a << " has no label in core/audit_labels.cpp";
    EXPECT_NE(action_label(a), a) << a;
  }
  EXPECT_EQ(action_label("session.login"), "Đăng nhập");
  EXPECT_EQ(action_label("member.event.admission"), "Kết nạp đảng viên");
  EXPECT_EQ(action_label("org.merge"), "Hợp nhất tổ chức");
  EXPECT_EQ(action_label("meeting.add"), "Ghi buổi sinh hoạt chi bộ");
  EXPECT_EQ(action_label("something.new"), "something.new");
}

TEST(AuditLabels, TheActorIsNamedForAPerson) {
  EXPECT_EQ(actor_label("office", "10.0.0.7"), "office");
  EXPECT_EQ(actor_label("cli:lan", "cli"), "Dòng lệnh (lan)");
  EXPECT_EQ(actor_label("cli:unknown", "cli"), "Dòng lệnh");
  EXPECT_EQ(actor_label("demo", "cli"), "Chương trình tạo dữ liệu mẫu");
  EXPECT_EQ(actor_label("migration", ""), "Nâng cấp cơ sở dữ liệu");
  // An account of that name, over the network, is the account.
  EXPECT_EQ(actor_label("demo", "10.0.0.7"), "demo");
}

TEST(AuditLabels, APlainBeforeIsTheOldValueOfOneKey) {
  EXPECT_EQ(before_of("plan.target"), "target");
  EXPECT_EQ(before_of("conference.attendance"), "status");
  EXPECT_EQ(before_of("conference.conclusion"), "text");
  EXPECT_EQ(before_of("org.rename"), "");
}

}  // namespace
}  // namespace dangvu

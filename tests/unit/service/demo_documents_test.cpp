// Every document the demo's office would sign, rendered to PDF by LibreOffice and read back as a
// clerk would (Hướng dẫn 36-HD/VPTW): the committee that issues it and its symbol, the body above
// it (never a cluster), the date, the signing formula and the signer, the recipients, page numbers
// from the second page, no blank page, no word broken inside a table cell, no internal note — and
// every word and number of the pages is one the document was built with, whose figures are the
// figures engine's. One LibreOffice run for all of them (the test stays lean).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "report/dues_document.h"
#include "report/format.h"
#include "report/render.h"
#include "service/demo.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string flat(const std::string& text) {
  std::string out;
  for (const auto& w : words(text)) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Every string the document was built from: what its pages may say.
// A word is also known by its parts where a line may break after a hyphen ("tham-luan-" and
// "bo.docx" of "tham-luan-bo.docx"): a break there is no broken word.
void add_words(std::set<std::string>& v, const std::string& s) {
  for (const auto& w : words(s)) {
    v.insert(w);
    for (std::size_t at = w.find('-'); at != std::string::npos && at + 1 < w.size();
         at = w.find('-', at + 1)) {
      v.insert(w.substr(0, at + 1));
      v.insert(w.substr(at + 1));
    }
  }
}
std::set<std::string> vocabulary(const report::Document& d) {
  std::set<std::string> v;
  for (const auto* s : {&d.superior, &d.issuer, &d.number, &d.place_date, &d.kind_title, &d.title,
                        &d.signer_authority, &d.signer_title, &d.signer_name, &d.left_signer_title,
                        &d.left_signer_name}) {
    add_words(v, *s);
  }
  for (const auto& r : d.recipients) add_words(v, "- " + r);
  for (const auto* sections : {&d.sections, &d.annex}) {
    for (const auto& s : *sections) {
      add_words(v, s.heading);
      for (const auto& b : s.blocks) {
        add_words(v, "- [Dự thảo – cần biên tập] " + b.text + " " + b.table.title);
        for (const auto& h : b.table.header) add_words(v, h);
        for (const auto& row : b.table.rows) {
          for (const auto& c : row) add_words(v, c.display());
        }
      }
    }
  }
  add_words(v, "ĐẢNG CỘNG SẢN VIỆT NAM * Nơi nhận: PHỤ LỤC");
  return v;
}

struct Rendered {
  std::string name;
  report::Document doc;
  std::vector<std::string> pages;  // pdftotext of each page, in the order it was written
};

class DemoDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("demo.db");
    if (store::engine_of(path_) != store::Engine::sqlite) {
      GTEST_SKIP() << "the documents do not depend on the engine (the engines agree: parity tests)";
    }
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    auto demo = generate_demo(*registry_, DemoScale::small, 1, nullptr);  // `scripts/demo`'s
    ASSERT_TRUE(demo.ok()) << demo.error().detail_en;
  }

  // Renders every document in one LibreOffice run and reads each page's text.
  std::vector<Rendered> render(std::vector<std::pair<std::string, report::Document>> docs) {
    std::string files;
    for (const auto& [name, doc] : docs) {
      auto bytes = report::render_docx(doc);
      EXPECT_TRUE(bytes.ok());
      std::ofstream(dir_.file(name + ".docx"), std::ios::binary) << *bytes;
      files += " '" + dir_.file(name + ".docx") + "'";
    }
    const std::string cmd = "cd '" + dir_.file("") +
                            "' && soffice --headless --norestore -env:UserInstallation=file://" +
                            dir_.file("profile") + " --convert-to pdf" + files +
                            " > soffice.log 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << slurp(dir_.file("soffice.log"));
    // To look at the pages: DANGVU_KEEP_PDF=/some/dir keeps a copy of each PDF there.
    if (const char* keep = std::getenv("DANGVU_KEEP_PDF"); keep != nullptr) {
      for (const auto& [name, doc] : docs) {
        std::filesystem::copy_file(dir_.file(name + ".pdf"),
                                   std::string(keep) + "/" + name + ".pdf",
                                   std::filesystem::copy_options::overwrite_existing);
      }
    }
    std::vector<Rendered> out;
    for (auto& [name, doc] : docs) {
      Rendered r{name, std::move(doc), {}};
      const std::string pdf = dir_.file(name + ".pdf");
      const std::string info = testing::command_output("pdfinfo '" + pdf + "'");
      const auto at = info.find("Pages:");
      EXPECT_NE(at, std::string::npos) << name << " was not rendered";
      const int pages = at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
      for (int p = 1; p <= pages; ++p) {
        r.pages.push_back(testing::command_output("pdftotext -f " + std::to_string(p) + " -l " +
                                                  std::to_string(p) + " -raw '" + pdf + "' -"));
      }
      out.push_back(std::move(r));
    }
    return out;
  }

  report::Document report(const std::string& org, const std::string& period) {
    auto d = registry_->report(org, period);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().detail_en);
    return d.ok() ? *d : report::Document{};
  }

  FixedClock clock_{D("2026-12-05")};
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

// The form every signed document shares, checked on its pages.
void expect_party_form(const Rendered& r, std::size_t max_pages) {
  SCOPED_TRACE(r.name);
  const report::Document& d = r.doc;
  ASSERT_FALSE(r.pages.empty());
  EXPECT_LE(r.pages.size(), max_pages);
  std::string all;
  for (const auto& p : r.pages) all += p + "\n";
  const std::string text = flat(all);
  const std::string first = flat(r.pages.front());
  for (const std::string& part : {std::string("ĐẢNG CỘNG SẢN VIỆT NAM"), flat(d.issuer),
                                  flat(d.number), flat(d.place_date), d.kind_title}) {
    EXPECT_NE(first.find(part), std::string::npos) << "page 1 lacks «" << part << "»:\n" << first;
  }
  if (!d.superior.empty()) {
    EXPECT_NE(first.find(flat(d.superior)), std::string::npos);
  }
  EXPECT_EQ(d.place_date.find("…"), std::string::npos) << "the place is known: " << d.place_date;
  for (const auto* part : {&d.signer_authority, &d.signer_title, &d.signer_name,
                           &d.left_signer_title, &d.left_signer_name}) {
    if (!part->empty()) {
      EXPECT_NE(text.find(flat(*part)), std::string::npos) << *part;
    }
  }
  for (const auto& recipient : d.recipients) {
    EXPECT_NE(text.find(flat("- " + recipient)), std::string::npos) << recipient;
  }
  if (!d.recipients.empty()) {
    EXPECT_NE(text.find("Nơi nhận:"), std::string::npos);
  }
  // No blank page; the page number on every page from the second, alone on its line.
  for (std::size_t p = 0; p < r.pages.size(); ++p) {
    const auto w = words(r.pages[p]);
    EXPECT_GT(w.size(), 3u) << "page " << p + 1 << " is blank";
    if (p > 0) {
      const std::string number = std::to_string(p + 1);
      bool alone = false;
      std::istringstream lines(r.pages[p]);
      for (std::string line; std::getline(lines, line);) alone = alone || flat(line) == number;
      EXPECT_TRUE(alone) << "page " << number << " has no page number";
    }
  }
  // Every word on the pages is one the document was built with: a word broken inside a table
  // cell ("Đản/g") or an internal note would not be.
  const auto known = vocabulary(d);
  for (const auto& w : words(all)) {
    const bool page_number =
        w.find_first_not_of("0123456789") == std::string::npos && w.size() <= 2;
    EXPECT_TRUE(known.count(w) || page_number) << "«" << w << "» is not the document's";
  }
  // No internal codes or checks in what is signed.
  for (const char* internal : {"DB0", "CQD-CUM", "hệ thống phát hiện", "KIỂM TRA SỐ LIỆU"}) {
    EXPECT_EQ(text.find(internal), std::string::npos) << "«" << internal << "» is printed";
  }
}

TEST_F(DemoDocumentsTest, EveryDocumentCanBeSignedAsItComesOut) {
  ConferenceListInput q;
  q.org_code = "DB001";
  q.from = "2026-01-01";
  q.to = "2026-12-31";
  q.kind = "quarterly_review";
  auto conferences = registry_->list_conferences(q);
  ASSERT_TRUE(conferences.ok());
  ASSERT_EQ(conferences->size(), 1u);
  const long long c = conferences->front().id;
  auto invitation = registry_->conference_invitation(c);
  auto minutes = registry_->conference_minutes(c);
  ASSERT_TRUE(invitation.ok() && minutes.ok());
  auto statistics_tu = registry_->statistics_document("TU", "2026");
  auto statistics_db = registry_->statistics_document("DB001", "2026");
  ASSERT_TRUE(statistics_tu.ok() && statistics_db.ok());
  auto dues_db = registry_->dues_report_document("DB001", "2026");
  ASSERT_TRUE(dues_db.ok()) << dues_db.error().detail_en;
  auto badges_dbcqd = registry_->badge_proposal_document("DBCQD", "2026-09-02");
  ASSERT_TRUE(badges_dbcqd.ok()) << badges_dbcqd.error().detail_en;
  auto ratings_db = registry_->rating_decision_document("DB001", 2025);
  ASSERT_TRUE(ratings_db.ok()) << ratings_db.error().detail_en;
  auto titles_db = registry_->org_decision_document("DB001", 2025, "chi_bo_bon_tot");
  ASSERT_TRUE(titles_db.ok()) << titles_db.error().detail_en;
  const auto docs = render({{"bao-cao-TU", report("TU", "2026-H1")},
                            {"bao-cao-DBCQD", report("DBCQD", "2026-H1")},
                            {"bao-cao-DB001", report("DB001", "2026-H1")},
                            {"bao-cao-CQD-CUM1", report("CQD-CUM1", "2026-H1")},
                            {"giay-moi-DB001", *invitation},
                            {"bien-ban-DB001", *minutes},
                            {"thong-ke-TU", *statistics_tu},
                            {"thong-ke-DB001", *statistics_db},
                            {"dang-phi-DB001", *dues_db},
                            {"to-trinh-huy-hieu-DBCQD", *badges_dbcqd},
                            {"quyet-dinh-xep-loai-DB001", *ratings_db},
                            {"quyet-dinh-thi-dua-DB001", *titles_db}});
  ASSERT_EQ(docs.size(), 12u);
  const auto& tu = docs[0];
  const auto& cluster = docs[3];
  const auto& inv = docs[4];
  const auto& min = docs[5];

  // Who issues, and when.
  EXPECT_EQ(tu.doc.issuer, "TỈNH ỦY AN BÌNH");
  EXPECT_EQ(tu.doc.superior, "");
  EXPECT_EQ(tu.doc.number, "Số       -BC/TU");
  EXPECT_EQ(tu.doc.place_date, "An Bình, ngày 30 tháng 6 năm 2026");
  EXPECT_EQ(docs[1].doc.issuer, "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH AN BÌNH");
  EXPECT_EQ(docs[1].doc.superior, "ĐẢNG BỘ TỈNH AN BÌNH");
  EXPECT_EQ(docs[2].doc.issuer, "ĐẢNG ỦY VĂN PHÒNG TỈNH ỦY");
  EXPECT_EQ(docs[2].doc.superior, "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH AN BÌNH") << "not the cluster";
  EXPECT_EQ(docs[2].doc.signer_authority, "T/M ĐẢNG ỦY");
  EXPECT_EQ(cluster.doc.issuer, "ĐẢNG ỦY VĂN PHÒNG TỈNH ỦY")
      << "the cluster's leading organization";
  EXPECT_EQ(cluster.doc.number, "Số       -BC/ĐU");
  EXPECT_NE(cluster.doc.title.find("của Cụm thi đua số 1"), std::string::npos);
  EXPECT_EQ(inv.doc.place_date, "An Bình, ngày 07 tháng 4 năm 2026") << "before the conference";
  EXPECT_EQ(min.doc.place_date, "An Bình, ngày 08 tháng 4 năm 2026") << "the conference's day";
  for (const auto& r : docs) {
    // The minutes are signed by name at the meeting; the head of the Organization Commission is
    // no office holder the registry keeps.
    if (r.name != "bien-ban-DB001" && r.name != "thong-ke-TU") {
      EXPECT_FALSE(r.doc.signer_name.empty()) << r.name;
    }
  }

  // The form on the pages. A report runs to a few pages; the invitation to one; the minutes to
  // a few and their attendance list to at most two pages per hundred people.
  for (std::size_t i = 0; i < 4; ++i) expect_party_form(docs[i], 7);
  expect_party_form(inv, 1);
  std::size_t people = 0;
  for (const auto& s : min.doc.annex) {
    for (const auto& b : s.blocks) people += b.table.rows.size();
  }
  expect_party_form(min, 4 + 2 * ((people + 99) / 100));

  // The statistics: the province's prepared by its Organization Commission, a grassroots
  // committee's by the committee; the preparer on the left; every figure the engine's (biểu 1's
  // D is the members indicator of the same year).
  const auto& st_tu = docs[6];
  const auto& st_db = docs[7];
  EXPECT_EQ(st_tu.doc.superior, "TỈNH ỦY AN BÌNH");
  EXPECT_EQ(st_tu.doc.issuer, "BAN TỔ CHỨC");
  EXPECT_EQ(st_tu.doc.signer_title, "TRƯỞNG BAN");
  EXPECT_EQ(st_db.doc.issuer, "ĐẢNG ỦY VĂN PHÒNG TỈNH ỦY");
  EXPECT_EQ(st_db.doc.signer_authority, "T/M ĐẢNG ỦY");
  for (const auto* st : {&st_tu, &st_db}) {
    EXPECT_EQ(st->doc.left_signer_title, "NGƯỜI LẬP BIỂU");
    EXPECT_TRUE(st->doc.annex.empty()) << st->name << ": an identity does not hold";
    expect_party_form(*st, 8);
    const std::string org = st == &st_tu ? "TU" : "DB001";
    auto members = registry_->indicators(org, "2026");
    ASSERT_TRUE(members.ok());
    std::string all;
    for (const auto& p : st->pages) all += p + "\n";
    for (const auto& row : members->rows) {
      if (row.id == "members") {
        EXPECT_NE(flat(all).find("D. Đảng viên cuối kỳ " + row.shown), std::string::npos)
            << org << " " << row.shown;
      }
    }
  }

  // The dues report: the committee's, its rate and its totals the engine's; the periodic report
  // of the same subtree states the rate of its own months.
  const auto& dues = docs[8];
  EXPECT_EQ(dues.doc.issuer, "ĐẢNG ỦY VĂN PHÒNG TỈNH ỦY");
  EXPECT_EQ(dues.doc.number, "Số       -BC/ĐU");
  EXPECT_FALSE(dues.doc.recipients.empty());
  expect_party_form(dues, 4);
  {
    auto v = registry_->dues_report("DB001", "2026");
    ASSERT_TRUE(v.ok());
    ASSERT_GT(v->total.figures.owed, 0);
    std::string all;
    for (const auto& p : dues.pages) all += p + "\n";
    EXPECT_NE(flat(all).find(*report::dues_rate_sentence(v->total.figures, v->total.percent)),
              std::string::npos);
    EXPECT_NE(flat(all).find(report::format_integer(v->total.figures.remitted)), std::string::npos);
    auto h1 = registry_->dues_report("DB001", "2026-H1");
    ASSERT_TRUE(h1.ok());
    std::string report_text;
    for (const auto& p : docs[2].pages) report_text += p + "\n";
    EXPECT_NE(
        flat(report_text).find(*report::dues_rate_sentence(h1->total.figures, h1->total.percent)),
        std::string::npos);
  }

  // The proposal of Party badges for 2/9/2026: the committee's to the provincial standing
  // committee, dated a month before; the counts and every member of the list of who is due.
  const auto& badges = docs[9];
  EXPECT_EQ(badges.doc.issuer, "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH AN BÌNH");
  EXPECT_EQ(badges.doc.number, "Số       -TTr/ĐU");
  EXPECT_EQ(badges.doc.kind_title, "TỜ TRÌNH");
  EXPECT_EQ(badges.doc.place_date, "An Bình, ngày 02 tháng 8 năm 2026");
  {
    auto due = registry_->badges_due("DBCQD", "2026-09-02");
    ASSERT_TRUE(due.ok());
    ASSERT_GE(due->rows.size(), 3u) << "the demo's list is not empty";
    EXPECT_GT(due->awarded, 0) << "the demo decided the list";
    std::string all;
    for (const auto& p : badges.pages) all += p + "\n";
    const std::string text = flat(all);
    EXPECT_NE(text.find("Kính gửi: Ban Thường vụ Tỉnh ủy An Bình."), std::string::npos) << text;
    EXPECT_NE(
        text.find("cho " + report::format_integer(static_cast<std::int64_t>(due->rows.size())) +
                  " đồng chí"),
        std::string::npos)
        << text;
    for (const auto& [years, n] : due->by_years) {
      EXPECT_NE(text.find(report::format_integer(n) + " đồng chí Huy hiệu " +
                          std::to_string(years) + " năm tuổi Đảng"),
                std::string::npos)
          << years;
    }
    for (const auto& r : due->rows) {
      EXPECT_NE(text.find(r.name), std::string::npos) << r.name;
    }
  }
  expect_party_form(badges, 2 + badges_dbcqd->annex.size() * 2);

  // The decisions of the 2025 results: DB001's rating of its members (45-QĐ/ĐU of 26/12/2025)
  // and its recognition of «Chi bộ bốn tốt» (47-QĐ/ĐU); the counts and every name of the round.
  {
    const auto& members = docs[10];
    EXPECT_EQ(members.doc.issuer, "ĐẢNG ỦY VĂN PHÒNG TỈNH ỦY");
    EXPECT_EQ(members.doc.number, "Số 45-QĐ/ĐU");
    EXPECT_EQ(members.doc.kind_title, "QUYẾT ĐỊNH");
    EXPECT_EQ(members.doc.place_date, "An Bình, ngày 26 tháng 12 năm 2025");
    auto round = registry_->rating_round("DB001", 2025);
    ASSERT_TRUE(round.ok());
    ASSERT_GT(round->decided, 10) << "the demo decided the round";
    std::string all;
    for (const auto& p : members.pages) all += p + "\n";
    const std::string text = flat(all);
    EXPECT_NE(text.find("QUYẾT ĐỊNH:"), std::string::npos);
    EXPECT_NE(text.find("đối với " + report::format_integer(round->decided) + " đảng viên"),
              std::string::npos)
        << text;
    for (const auto& [category, n] : round->by_category) {
      EXPECT_NE(text.find(std::string(label_vi(category)) + ": " + report::format_integer(n) +
                          " đồng chí"),
                std::string::npos)
          << label_vi(category);
    }
    for (const auto& r : round->rows) {
      if (r.rating.decision) {
        EXPECT_NE(text.find(r.name), std::string::npos) << r.name;
      }
    }
    expect_party_form(members, 2 + static_cast<std::size_t>(round->decided) / 30);
    const auto& titles = docs[11];
    EXPECT_EQ(titles.doc.number, "Số 47-QĐ/ĐU");
    EXPECT_NE(titles.doc.title.find("«Chi bộ bốn tốt» năm 2025"), std::string::npos);
    expect_party_form(titles, 3);
  }

  // The figures are the engine's: the indicators of the same org and period, in the text.
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string org = std::vector<std::string>{"TU", "DBCQD", "DB001", "CQD-CUM1"}[i];
    auto v = registry_->indicators(org, "2026-H1");
    ASSERT_TRUE(v.ok());
    std::string all;
    for (const auto& p : docs[i].pages) all += p + "\n";
    const std::string text = flat(all);
    for (const auto& row : v->rows) {
      if (row.id != "members" && row.id != "admitted" && row.id != "meetings_regular") continue;
      EXPECT_NE(text.find(row.shown), std::string::npos)
          << org << " " << row.id << " " << row.shown;
    }
  }
}

}  // namespace
}  // namespace dangvu::service

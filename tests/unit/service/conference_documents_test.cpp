// A conference's documents over a real SQLite file: the minutes say the attendance per site, the
// quorum, the conclusion and the tasks (in the Word file, which LibreOffice opens); the news
// item's figures are the attached report's, sentence for sentence; the invitation names whom,
// when and where; nothing that is not recorded is written as a fact; scope hides the documents.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "report/ooxml_zip.h"
#include "report/render.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

// Every paragraph, bullet, draft and table cell of a document, one per line.
std::string text_of(const report::Document& d) {
  std::string out = d.superior + "\n" + d.issuer + "\n" + d.number + "\n" + d.place_date + "\n" +
                    d.kind_title + "\n" + d.title + "\n";
  for (const auto* sections : {&d.sections, &d.annex}) {
    for (const auto& s : *sections) {
      out += s.heading + "\n";
      for (const auto& b : s.blocks) {
        if (b.kind == report::Block::Kind::draft) out += "[DRAFT] ";
        out += b.text + "\n";
        for (const auto& row : b.table.rows) {
          for (const auto& c : row) out += c.display() + " | ";
          out += "\n";
        }
      }
    }
  }
  for (const auto& r : d.recipients) out += r + "\n";
  return out + d.left_signer_title + "\n" + d.left_signer_name + "\n" + d.signer_title + "\n" +
         d.signer_name + "\n";
}

// The text of a .docx: every w:t of word/document.xml, paragraphs on their own lines.
std::string docx_text(const std::string& bytes) {
  auto entries = report::read_zip(bytes);
  EXPECT_TRUE(entries.ok());
  std::string xml;
  for (const auto& e : *entries) {
    if (e.name == "word/document.xml") xml = e.data;
  }
  std::string out;
  std::regex token("<w:t[^>]*>([^<]*)</w:t>|</w:p>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), token); it != std::sregex_iterator();
       ++it) {
    out += (*it)[0].str() == "</w:p>" ? std::string("\n") : (*it)[1].str();
  }
  // The XML escapes what the writer escaped.
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}}) {
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + 1)) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// pdftotext breaks lines anywhere: compare with runs of white space as one space.
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\f') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

class ConferenceDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("docs.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    add_org("TU", "Đảng bộ Khối các cơ quan tỉnh", "upper_committee", "");
    add_org("DBA", "Đảng bộ Sở A", "grassroots_committee", "TU");
    add_org("A1", "Chi bộ Văn phòng", "sub_branch", "DBA");
    add_org("A2", "Chi bộ Nghiệp vụ", "sub_branch", "DBA");
    add_org("DBB", "Đảng bộ Sở B", "grassroots_committee", "TU");
    add_org("B1", "Chi bộ B1", "sub_branch", "DBB");
    const char* names[] = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh"};
    for (int i = 0; i < 7; ++i) {
      admit("M" + std::to_string(i + 1), names[i], i < 4 ? "A1" : i < 6 ? "A2" : "B1");
    }
    // The half-year's records the report counts: a meeting, a target and an inspection.
    MeetingInput m;
    m.org_code = "A1";
    m.date = "2026-03-10";
    m.kind = "regular";
    m.topic = "Sinh hoạt tháng 3";
    m.quality = "good";
    m.absent = {{"M4", "Ốm"}};
    auto meeting = registry_->record_meeting(m);
    ASSERT_TRUE(meeting.ok()) << meeting.error().detail_en;
    ASSERT_TRUE(registry_->set_plan_target({"DBA", 2026, "inspected_orgs", 2}).ok());
    OversightInput o;
    o.org_code = "DBA";
    o.kind = "inspection";
    o.basis = "planned";
    o.date = "2026-04-15";
    o.subject_org_code = "A2";
    o.conclusion = "Thực hiện tốt";
    auto oversight = registry_->record_oversight(o);
    ASSERT_TRUE(oversight.ok()) << oversight.error().detail_en;
  }

  void add_org(const std::string& code, const std::string& name, const std::string& kind,
               const std::string& parent) {
    auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  void admit(const std::string& code, const std::string& given, const std::string& org) {
    AddMemberInput in;
    in.code = code;
    in.family = "Nguyễn";
    in.middle = "Văn";
    in.given = given;
    in.birth_date = "1980-06-01";
    in.first.kind = "admission";
    in.first.org_code = org;
    in.first.date = "2010-03-02";
    auto id = registry_->add_member(in);
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
    EventInput rec;
    rec.member_code = code;
    rec.kind = "recognition";
    rec.date = "2011-03-10";
    ASSERT_TRUE(registry_->record_event(rec).ok());
  }

  void attend(ConferenceId c, const std::string& member, int site, const std::string& status,
              const std::string& reason = "") {
    AttendanceInput a;
    a.conference = c;
    a.member_code = member;
    a.site = site;
    a.status = status;
    a.reason = reason;
    auto st = registry_->record_attendance(a);
    ASSERT_TRUE(st.ok()) << st.error().detail_en;
  }

  // Seed 000's path: a half-year review at two sites, a guest who directs, attendance, the
  // report, a contribution, a conclusion and three tasks.
  ConferenceId record_half_year_review() {
    ConferenceInput in;
    in.org_code = "DBA";
    in.kind = "half_year_review";
    in.period = "2026-H1";
    in.date = "2026-07-06";
    in.start_time = "08:00";
    in.chair_code = "M1";
    in.secretary_name = "Trần Thị Thu";
    in.agenda = {"Báo cáo sơ kết 6 tháng đầu năm 2026", "Tham luận", "Phát biểu chỉ đạo"};
    auto id = registry_->create_conference(in);
    EXPECT_TRUE(id.ok()) << id.error().detail_en;
    const ConferenceId c = *id;
    EXPECT_TRUE(registry_
                    ->add_conference_site(
                        {c, "in_person", "Điểm cầu Hà Nội", "54 Hai Bà Trưng, Hà Nội", "", "A1"})
                    .ok());
    EXPECT_TRUE(registry_
                    ->add_conference_site({c, "online", "Điểm cầu Nam Định", "",
                                           "https://hop.example.vn/dba-2026h1", "A2"})
                    .ok());
    InviteInput inv;
    inv.conference = c;
    inv.org_codes = {"DBA"};
    inv.guests = {{"Nguyễn Đức Thắng", "Phó Bí thư Thường trực", "Đảng ủy Khối các cơ quan tỉnh"}};
    EXPECT_TRUE(registry_->invite(inv).ok());
    attend(c, "M1", 1, "present");
    attend(c, "M2", 1, "present");
    attend(c, "M3", 1, "late");
    attend(c, "M5", 2, "present");
    attend(c, "M6", 2, "absent", "Đi công tác");
    AttendanceInput guest;
    guest.conference = c;
    guest.participant = guest_id(c);
    guest.site = 1;
    guest.status = "present";
    EXPECT_TRUE(registry_->record_attendance(guest).ok());
    EXPECT_TRUE(registry_->attach_report({c, "", ""}).ok());
    EXPECT_TRUE(
        registry_
            ->add_conference_item({c, "contribution", "M4", "", "Bí thư chi bộ", "Chi bộ Văn phòng",
                                   "Nâng cao chất lượng sinh hoạt chi bộ", "tham-luan.docx", ""})
            .ok());
    EXPECT_TRUE(
        registry_
            ->add_conference_item({c, "directing_speech", "", "Nguyễn Đức Thắng",
                                   "Phó Bí thư Thường trực", "Đảng ủy Khối các cơ quan tỉnh", "",
                                   "", "Tập trung thực hiện mô hình Chi bộ 4 tốt."})
            .ok());
    EXPECT_TRUE(registry_
                    ->conclude_conference({c,
                                           "Tập trung thực hiện 03 nhiệm vụ trọng tâm 6 tháng cuối "
                                           "năm 2026."})
                    .ok());
    for (const auto& [owner, title, due] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"DBA", "Tổ chức tổng kết năm 2026", "2026-12-31"},
             {"A1", "Hoàn thành kiểm tra theo kế hoạch", "2026-10-31"},
             {"A2", "Kết nạp đảng viên mới", "2026-11-30"}}) {
      auto t = registry_->add_task({c, owner, title, due});
      EXPECT_TRUE(t.ok()) << t.error().detail_en;
    }
    return c;
  }

  long long guest_id(ConferenceId c) {
    auto v = registry_->show_conference(c, "");
    EXPECT_TRUE(v.ok());
    for (const auto& p : v->participants) {
      if (p.kind == "guest") return p.id;
    }
    ADD_FAILURE() << "no guest";
    return 0;
  }

  testing::TempDir dir_;
  std::string path_;
  FixedClock clock_{Date::parse("2026-07-20").value()};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(ConferenceDocumentsTest, MinutesRecordAttendancePerSiteTheConclusionAndTheTasks) {
  const ConferenceId c = record_half_year_review();
  auto minutes = registry_->conference_minutes(c);
  ASSERT_TRUE(minutes.ok()) << minutes.error().detail_en;
  EXPECT_EQ(minutes->kind_title, "BIÊN BẢN");
  EXPECT_EQ(minutes->title, "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026");
  EXPECT_EQ(minutes->issuer, "ĐẢNG ỦY SỞ A");
  EXPECT_EQ(minutes->superior, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH");
  EXPECT_EQ(minutes->number, "Số       -BB/ĐU");
  EXPECT_EQ(minutes->place_date, "…………, ngày 06 tháng 7 năm 2026");
  EXPECT_EQ(minutes->left_signer_title, "THƯ KÝ HỘI NGHỊ");
  EXPECT_EQ(minutes->left_signer_name, "Trần Thị Thu");
  EXPECT_EQ(minutes->signer_title, "CHỦ TRÌ HỘI NGHỊ");
  EXPECT_EQ(minutes->signer_name, "Nguyễn Văn An");

  auto bytes = report::render_docx(*minutes);
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  const std::string text = docx_text(*bytes);
  for (const char* expected : {
           "Thời gian: bắt đầu lúc 08 giờ 00, thứ Hai, ngày 06 tháng 7 năm 2026.",
           "Hình thức: trực tiếp kết hợp trực tuyến, tại 2 điểm cầu:",
           "- Điểm cầu 1 – Điểm cầu Hà Nội (trực tiếp): 54 Hai Bà Trưng, Hà Nội; đơn vị chủ trì "
           "điểm cầu: Chi bộ Văn phòng.",
           "- Điểm cầu 2 – Điểm cầu Nam Định (trực tuyến): đường dẫn "
           "https://hop.example.vn/dba-2026h1; đơn vị chủ trì điểm cầu: Chi bộ Nghiệp vụ.",
           "Chủ trì: đồng chí Nguyễn Văn An.",
           "Thư ký: đồng chí Trần Thị Thu.",
           "- Đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy Khối các cơ quan tỉnh "
           "(dự tại điểm cầu Hà Nội).",
           // Six members of DBA were invited; four came (one late), one was away, one unrecorded.
           "Đảng viên được triệu tập: 6 đồng chí; có mặt: 4 đồng chí (trong đó 1 đồng chí đến "
           "muộn); vắng mặt: 1 đồng chí (đồng chí Nguyễn Văn Hà, lý do: Đi công tác); chưa điểm "
           "danh: "
           "1 đồng chí.",
           "Đảng viên sinh hoạt chính thức tại Đảng bộ Sở A có mặt 4/6 đồng chí được triệu tập; "
           "theo quy định phải có quá một nửa số đảng viên được triệu tập (tối thiểu 4 đồng chí): "
           "Hội nghị đủ điều kiện tiến hành.",
           "Tập trung thực hiện 03 nhiệm vụ trọng tâm 6 tháng cuối năm 2026.",
           "Đồng chí Nguyễn Văn An kết luận Hội nghị:",
           "- Đồng chí Nguyễn Văn Dũng, Bí thư Chi bộ Văn phòng: «Nâng cao chất lượng "
           "sinh hoạt chi bộ».",
           "Đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy Khối các cơ quan tỉnh phát "
           "biểu chỉ đạo Hội nghị: Tập trung thực hiện mô hình Chi bộ 4 tốt.",
           "Hội nghị giao 3 nhiệm vụ trọng tâm:",
           "[Dự thảo – cần biên tập] Hội nghị kết thúc lúc …… giờ …… cùng ngày.",
           "THƯ KÝ HỘI NGHỊ",
           "CHỦ TRÌ HỘI NGHỊ",
           "DANH SÁCH THAM DỰ",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << "minutes lack «" << expected << "»:\n"
                                                      << text;
  }
  // The table of attendance per site: site 1 has three members (one late), site 2 one present
  // and one absent; the totals add up.
  for (const char* row :
       {"1. Điểm cầu Hà Nội\ntrực tiếp\n3\n1\n0\n", "2. Điểm cầu Nam Định\ntrực tuyến\n1\n0\n1\n",
        "Tổng cộng\n\n4\n1\n1\n"}) {
    EXPECT_NE(text.find(row), std::string::npos) << "attendance table lacks «" << row << "»";
  }
  // Each task with its owner and due date, in the order set.
  for (const char* row : {"Tổ chức tổng kết năm 2026\nĐảng bộ Sở A\n31/12/2026\n",
                          "Hoàn thành kiểm tra theo kế hoạch\nChi bộ Văn phòng\n31/10/2026\n",
                          "Kết nạp đảng viên mới\nChi bộ Nghiệp vụ\n30/11/2026\n"}) {
    EXPECT_NE(text.find(row), std::string::npos) << "tasks lack «" << row << "»";
  }
  // The annex lists everyone with their branch, site and attendance.
  EXPECT_NE(text.find("Nguyễn Văn Hà\nChi bộ Nghiệp vụ\nvắng mặt: Đi công tác\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Nguyễn Văn Dũng\nChi bộ Văn phòng\nchưa điểm danh\n"), std::string::npos)
      << text;
  // The report's figures are quoted as the report prints them.
  auto highlights = registry_->report_highlights("DBA", "2026-H1");
  ASSERT_TRUE(highlights.ok());
  for (const auto& sentence : highlights->sentences) {
    EXPECT_NE(text.find(sentence), std::string::npos) << sentence;
  }
}

// The Word file opens in LibreOffice (Debian's, headless) and its PDF says the same: LibreOffice
// is part of the test environment, its absence fails the test.
TEST_F(ConferenceDocumentsTest, TheMinutesAndTheInvitationOpenInLibreOffice) {
  const ConferenceId c = record_half_year_review();
  for (const auto& [name, doc] : std::vector<std::pair<std::string, Result<report::Document>>>{
           {"bien-ban", registry_->conference_minutes(c)},
           {"giay-moi", registry_->conference_invitation(c)}}) {
    ASSERT_TRUE(doc.ok()) << doc.error().detail_en;
    auto bytes = report::render_docx(*doc);
    ASSERT_TRUE(bytes.ok());
    const std::string file = dir_.file(name + ".docx");
    std::ofstream(file, std::ios::binary) << *bytes;
    const std::string cmd = "cd '" + dir_.file("") +
                            "' && soffice --headless --norestore -env:UserInstallation=file://" +
                            dir_.file("profile") + " --convert-to pdf '" + file +
                            "' > soffice.log 2>&1 && pdftotext -layout " + name + ".pdf " + name +
                            ".txt";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << slurp(dir_.file("soffice.log"));
    const std::string pdf = flat(slurp(dir_.file(name + ".txt")));
    const std::vector<std::string> expected =
        name == "bien-ban" ? std::vector<std::string>{"ĐẢNG CỘNG SẢN VIỆT NAM",
                                                      "BIÊN BẢN",
                                                      "ĐẢNG ỦY SỞ A",
                                                      "Điểm cầu Hà Nội",
                                                      "Tổng cộng",
                                                      "Kết nạp đảng viên mới",
                                                      "THƯ KÝ HỘI NGHỊ",
                                                      "Trần Thị Thu",
                                                      "Nguyễn Văn An"}
                           : std::vector<std::string>{"GIẤY MỜI",         "trân trọng kính mời",
                                                      "Nguyễn Đức Thắng", "08 giờ 00, thứ Hai",
                                                      "Nơi nhận:",        "BÍ THƯ"};
    for (const auto& e : expected) {
      EXPECT_NE(pdf.find(e), std::string::npos) << name << " PDF lacks «" << e << "»:\n" << pdf;
    }
  }
}

TEST_F(ConferenceDocumentsTest, TheNewsItemsFiguresAreTheReports) {
  const ConferenceId c = record_half_year_review();
  auto news = registry_->conference_news(c, "Ngọc Sơn");
  ASSERT_TRUE(news.ok()) << news.error().detail_en;
  const std::string text = report::render_news_text(*news);
  const std::string html = report::render_news_html(*news);
  auto report = registry_->report("DBA", "2026-H1");
  ASSERT_TRUE(report.ok());
  const std::string report_text = text_of(*report);
  auto highlights = registry_->report_highlights("DBA", "2026-H1");
  ASSERT_TRUE(highlights.ok());
  // No study recorded: the report has no sentence on it (no records is no figure).
  ASSERT_EQ(highlights->sentences.size(), 4u);
  for (const auto& sentence : highlights->sentences) {
    EXPECT_NE(report_text.find(sentence), std::string::npos) << "report lacks " << sentence;
  }
  // The news item states what is worth publishing, from the same evaluation: counts of what was
  // done, none that is zero, no ratio against the plan, no shortfall.
  ASSERT_EQ(highlights->public_sentences.size(), 2u);
  for (const auto& sentence : highlights->public_sentences) {
    EXPECT_NE(text.find(sentence), std::string::npos) << "news lacks " << sentence << "\n" << text;
  }
  auto indicators = registry_->indicators("DBA", "2026-H1");
  ASSERT_TRUE(indicators.ok());
  std::map<std::string, std::string> shown;
  for (const auto& r : indicators->rows) shown[r.id] = r.shown;
  EXPECT_EQ(shown["members"], "6");
  EXPECT_EQ(shown["inspected_orgs"], "1");
  EXPECT_NE(
      text.find("Tính đến ngày 30/06/2026, Đảng bộ Sở A có " + shown["members"] + " đảng viên."),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("các tổ chức đảng đã kiểm tra " + shown["inspected_orgs"] + " tổ chức đảng."),
            std::string::npos)
      << text;
  for (const char* unworthy : {"kế hoạch năm", " 0/2 ", " 0 đảng viên", "0,0%"}) {
    EXPECT_EQ(text.find(unworthy), std::string::npos) << "news states «" << unworthy << "»:\n"
                                                      << text;
  }

  // The rest is the record: title, lead, photos as placeholders, author.
  EXPECT_EQ(news->title,
            "Đảng bộ Sở A tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026");
  EXPECT_EQ(text.rfind(news->title + "\n\n", 0), 0u) << text;
  for (const char* expected : {
           "Sáng ngày 06 tháng 7 năm 2026, Đảng bộ Sở A tổ chức Hội nghị sơ kết công tác xây "
           "dựng Đảng 6 tháng đầu năm 2026 theo hình thức trực tiếp kết hợp trực tuyến tại 2 điểm "
           "cầu.",
           "Dự và chỉ đạo Hội nghị có đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy "
           "Khối các cơ quan tỉnh cùng 4 đảng viên của Đảng bộ Sở A.",
           "Đồng chí Nguyễn Văn An chủ trì Hội nghị.",
           "[Chèn ảnh] Toàn cảnh Hội nghị tại điểm cầu Hà Nội",
           "[Chèn ảnh] Toàn cảnh Hội nghị tại điểm cầu Nam Định",
           "[Chèn ảnh] Đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy Khối các cơ "
           "quan tỉnh phát biểu chỉ đạo Hội nghị",
           "Hội nghị đã nghe Báo cáo sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026",
           "Hội nghị đã nghe 1 tham luận: «Nâng cao chất lượng sinh hoạt chi bộ» của đồng chí "
           "Nguyễn Văn Dũng, Bí thư Chi bộ Văn phòng.",
           "Phát biểu kết luận Hội nghị, đồng chí Nguyễn Văn An nêu: Tập trung thực hiện 03 nhiệm "
           "vụ trọng tâm 6 tháng cuối năm 2026.",
           "Hội nghị đã giao 3 nhiệm vụ trọng tâm: tổ chức tổng kết năm 2026 (Đảng bộ Sở A, thời "
           "hạn 31/12/2026);",
           "Tin: Ngọc Sơn – Đảng bộ Sở A",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << "news lacks «" << expected << "»:\n"
                                                      << text;
  }
  EXPECT_NE(html.find("<h1>Đảng bộ Sở A tổ chức Hội nghị sơ kết"), std::string::npos);
  EXPECT_NE(html.find("<figcaption>Toàn cảnh Hội nghị tại điểm cầu Hà Nội</figcaption>"),
            std::string::npos);
  EXPECT_NE(html.find("<mark class=\"placeholder\">[Chèn ảnh]</mark>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

// A member of another đảng bộ on temporary activity in the branch is invited and listed, but the
// quorum counts the members whose official activity is in the org (it counted 145 against 144).
TEST_F(ConferenceDocumentsTest, TheQuorumCountsOnlyTheOrgsOwnMembers) {
  EventInput t;
  t.member_code = "M7";
  t.kind = "transfer";
  t.mode = "temporary";
  t.org_code = "A1";
  t.date = "2026-03-01";
  auto moved = registry_->record_event(t);
  ASSERT_TRUE(moved.ok()) << moved.error().detail_en;
  const ConferenceId c = record_half_year_review();
  attend(c, "M7", 1, "present");
  auto v = registry_->show_conference(c, "");
  ASSERT_TRUE(v.ok());
  std::size_t members = 0;
  for (const auto& p : v->participants) members += p.kind == "member";
  EXPECT_EQ(members, 7u) << "the member on temporary activity is invited";
  EXPECT_EQ(v->quorum.invited, 6);
  EXPECT_EQ(v->quorum.present, 4);
  auto minutes = registry_->conference_minutes(c);
  ASSERT_TRUE(minutes.ok());
  EXPECT_NE(text_of(*minutes).find("Đảng viên sinh hoạt chính thức tại Đảng bộ Sở A có mặt 4/6 "
                                   "đồng chí được triệu tập (không tính 1 đồng chí sinh hoạt tạm "
                                   "thời)"),
            std::string::npos)
      << text_of(*minutes);
  // The invitation counts them apart; the attendance list says why the unit is elsewhere.
  auto invitation = registry_->conference_invitation(c);
  ASSERT_TRUE(invitation.ok());
  EXPECT_NE(text_of(*invitation)
                .find("Các đồng chí đảng viên Đảng bộ Sở A (6 đồng chí và 1 đồng "
                      "chí sinh hoạt tạm thời)."),
            std::string::npos)
      << text_of(*invitation);
  EXPECT_NE(text_of(*minutes).find("Nguyễn Văn Khánh | sinh hoạt tạm thời |"), std::string::npos);
}

TEST_F(ConferenceDocumentsTest, TheInvitationSaysWhomWhenAndWhere) {
  const ConferenceId c = record_half_year_review();
  auto inv = registry_->conference_invitation(c);
  ASSERT_TRUE(inv.ok()) << inv.error().detail_en;
  EXPECT_EQ(inv->kind_title, "GIẤY MỜI");
  EXPECT_EQ(inv->number, "Số       -GM/ĐU");
  // Issued by the committee, dated before the conference (the day before at the latest).
  EXPECT_EQ(inv->issuer, "ĐẢNG ỦY SỞ A");
  EXPECT_EQ(inv->place_date, "…………, ngày 05 tháng 7 năm 2026");
  EXPECT_EQ(inv->title, "Dự Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026");
  const std::string text = text_of(*inv);
  for (const char* expected : {
           "Đảng ủy Sở A trân trọng kính mời:",
           "Đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy Khối các cơ quan tỉnh;",
           "Các đồng chí đảng viên Đảng bộ Sở A (6 đồng chí).",
           "Thời gian: 08 giờ 00, thứ Hai, ngày 06 tháng 7 năm 2026.",
           "Hình thức: trực tiếp kết hợp trực tuyến, tại 2 điểm cầu:",
           "Điểm cầu 1 – Điểm cầu Hà Nội (trực tiếp): 54 Hai Bà Trưng, Hà Nội.",
           "Điểm cầu 2 – Điểm cầu Nam Định (trực tuyến): đường dẫn "
           "https://hop.example.vn/dba-2026h1.",
           "Báo cáo sơ kết 6 tháng đầu năm 2026.",
           "Tài liệu hội nghị: Báo cáo sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026",
           "Như thành phần mời,",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << "invitation lacks «" << expected << "»:\n"
                                                      << text;
  }
  EXPECT_EQ(text.find("[DRAFT]"), std::string::npos) << "everything needed is recorded:\n" << text;
}

// A conference with nothing but its head: the documents invent nothing; what is missing is a
// marked draft (Word) or placeholder (news), and no figure appears without a report.
TEST_F(ConferenceDocumentsTest, WhatIsNotRecordedIsLeftMarkedNotInvented) {
  ConferenceInput in;
  in.org_code = "DBA";
  in.kind = "half_year_review";
  in.period = "2026-H1";
  in.date = "2026-07-06";
  auto c = registry_->create_conference(in);
  ASSERT_TRUE(c.ok()) << c.error().detail_en;

  auto minutes = registry_->conference_minutes(*c);
  ASSERT_TRUE(minutes.ok());
  const std::string m = text_of(*minutes);
  for (const char* expected :
       {"[DRAFT] Giờ bắt đầu: …… giờ …… (chưa ghi).", "[DRAFT] Địa điểm: …… (chưa ghi điểm cầu).",
        "[DRAFT] Chủ trì: đồng chí …… (chưa ghi).", "[DRAFT] Thư ký: đồng chí …… (chưa ghi).",
        "[DRAFT] Đảng viên dự hội nghị (chưa ghi danh sách mời).",
        "[DRAFT] Kết luận của đồng chí chủ trì hội nghị (chưa ghi)."}) {
    EXPECT_NE(m.find(expected), std::string::npos) << "minutes lack «" << expected << "»:\n" << m;
  }
  EXPECT_EQ(m.find("NHIỆM VỤ TRỌNG TÂM"), std::string::npos) << m;
  EXPECT_EQ(m.find("đảng viên là"), std::string::npos) << "no report, no figures:\n" << m;
  EXPECT_TRUE(minutes->annex.empty());

  auto news = registry_->conference_news(*c, "");
  ASSERT_TRUE(news.ok());
  const std::string n = report::render_news_text(*news);
  for (const char* expected :
       {"Ngày 06 tháng 7 năm 2026, Đảng bộ Sở A tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 "
        "tháng đầu năm 2026.\n",
        "[Kết quả công tác xây dựng Đảng 6 tháng đầu năm 2026 (chưa gắn báo cáo của kỳ vào hội "
        "nghị)]",
        "[Kết luận của Hội nghị]", "Tin: [tên tác giả] – Đảng bộ Sở A"}) {
    EXPECT_NE(n.find(expected), std::string::npos) << "news lacks «" << expected << "»:\n" << n;
  }
  for (const char* invented : {"chủ trì", "Dự Hội nghị có", "Tham dự", "tham luận", "nhiệm vụ"}) {
    EXPECT_EQ(n.find(invented), std::string::npos) << "news invents «" << invented << "»:\n" << n;
  }
  EXPECT_EQ(n.find("đảng viên là"), std::string::npos) << n;
}

TEST_F(ConferenceDocumentsTest, DocumentsOfAConferenceOutsideTheScopeAreUnknown) {
  const ConferenceId c = record_half_year_review();
  auto org = store_->find_org("DBB");
  Registry other(*store_, RuleSet::defaults(), clock_,
                 Caller{"u-dbb", "127.0.0.1", auth::Role::committee_office, **org, 1});
  for (const auto& r : {other.conference_minutes(c), other.conference_invitation(c)}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::not_found);
    EXPECT_EQ(r.error().field, "conference");
  }
  auto news = other.conference_news(c, "");
  ASSERT_FALSE(news.ok());
  EXPECT_EQ(news.error().kind, ErrorKind::not_found);
  auto unknown = registry_->conference_minutes(c + 100);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace dangvu::service

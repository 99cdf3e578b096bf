// The conference documents as pure functions of a record: the news item escapes every text in
// HTML and marks placeholders in both renderings; the minutes put the secretary's signature where
// a report has its recipients, in Word and HTML; a speech without a summary is a marked draft.
#include "report/conference_documents.h"

#include <gtest/gtest.h>

#include "report/ooxml_zip.h"
#include "report/render.h"

namespace dangvu::report {
namespace {

ConferenceDoc sample() {
  ConferenceDoc c;
  c.org_name = "Chi bộ <Văn phòng> & \"Tổng hợp\"";
  c.issuer.superior = "Đảng bộ Sở A";
  c.issuer.committee = c.org_name;
  c.issuer.symbol = "CB";
  c.issuer.authority = "T/M CHI BỘ";
  c.issuer.signer_title = "BÍ THƯ";
  c.issuer.branch = true;
  c.kind = ConferenceKind::quarterly_review;
  c.title = "Hội nghị sơ kết công tác xây dựng Đảng quý I năm 2026";
  c.period = *Period::parse("2026-Q1");
  c.held_on = *Date::parse("2026-04-08");
  c.start_time = "14:00";
  c.chair = "Nguyễn Văn An";
  c.secretary = "Trần Thị Thu";
  c.sites = {
      {1, SiteMode::online, "Điểm cầu <script>", "", "https://hop.example.vn/x?a=1&b=2", ""}};
  c.participants = {
      {ParticipantKind::member, "Nguyễn Văn An", "", "", "", 1, Attendance::present, ""},
      {ParticipantKind::member, "Lê Văn Bình", "", "", "", 0, Attendance::invited, ""}};
  c.quorum = compute_quorum(c.kind, 2, 1, RuleSet::defaults());
  c.items = {{ItemKind::directing_speech, "", "Nguyễn Đức Thắng", "Phó Bí thư", "", "", ""}};
  c.tasks = {{"Hoàn thành <kiểm tra>", "Chi bộ A", *Date::parse("2026-06-30")}};
  c.invitation_date = *Date::parse("2026-04-01");
  return c;
}

TEST(NewsItem, EscapesEveryTextAndMarksPlaceholders) {
  const NewsItem n = build_news_item(sample(), "");
  const std::string html = render_news_html(n);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("điểm cầu &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Chi bộ &lt;Văn phòng&gt; &amp; &quot;Tổng hợp&quot;"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"placeholder\">[tên tác giả]</mark>"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"placeholder\">[nội dung phát biểu chỉ đạo]</mark>"),
            std::string::npos);
  const std::string text = render_news_text(n);
  EXPECT_EQ(text.rfind(n.title + "\n\n", 0), 0u);
  EXPECT_NE(text.find("Chiều ngày 08 tháng 4 năm 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("theo hình thức trực tuyến"), std::string::npos) << text;
  EXPECT_NE(text.find("[Chèn ảnh] Toàn cảnh Hội nghị tại điểm cầu <script>"), std::string::npos);
  EXPECT_NE(text.find("Tin: [tên tác giả] – Chi bộ"), std::string::npos);
  // No report attached: no figure, a marked placeholder instead.
  EXPECT_NE(text.find("[Kết quả công tác xây dựng Đảng quý I năm 2026 (chưa gắn báo cáo"),
            std::string::npos);
  EXPECT_EQ(text.find("đảng viên là"), std::string::npos);
}

TEST(Minutes, TheSecretarySignsOnTheLeftInWordAndHtml) {
  const Document d = build_minutes(sample());
  EXPECT_EQ(d.number, "Số       -BB/CB");
  EXPECT_TRUE(d.recipients.empty());
  auto bytes = render_docx(d);
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  auto entries = read_zip(*bytes);
  ASSERT_TRUE(entries.ok());
  std::string xml;
  for (const auto& e : *entries) {
    if (e.name == "word/document.xml") xml = e.data;
  }
  EXPECT_EQ(xml.find("{{"), std::string::npos) << "a placeholder was left";
  EXPECT_EQ(xml.find("Nơi nhận:"), std::string::npos);
  const auto secretary = xml.find("THƯ KÝ HỘI NGHỊ");
  const auto chair = xml.find("CHỦ TRÌ HỘI NGHỊ");
  ASSERT_NE(secretary, std::string::npos);
  ASSERT_NE(chair, std::string::npos);
  EXPECT_LT(secretary, chair) << "the secretary's cell comes first (left)";
  EXPECT_NE(xml.find("Hoàn thành &lt;kiểm tra&gt;"), std::string::npos);
  // Quorum not reached with one of two present (more than half needs two).
  EXPECT_NE(xml.find("Hội nghị chưa đủ số đảng viên tham dự theo quy định."), std::string::npos);
  // The directing speech has no summary: a marked draft.
  EXPECT_NE(xml.find("[Dự thảo – cần biên tập] Nội dung phát biểu chỉ đạo (thư ký ghi)."),
            std::string::npos);

  const std::string html = render_html(d);
  EXPECT_EQ(html.find("Nơi nhận:"), std::string::npos);
  EXPECT_NE(html.find("THƯ KÝ HỘI NGHỊ"), std::string::npos);
  EXPECT_NE(html.find("Trần Thị Thu"), std::string::npos);
  // A report keeps its recipients.
  Document report = d;
  report.left_signer_title.clear();
  report.recipients = {"Lưu Văn phòng."};
  EXPECT_NE(render_html(report).find("Nơi nhận:"), std::string::npos);
}

TEST(Invitation, WhatIsMissingIsADraftNotAGuess) {
  ConferenceDoc c = sample();
  c.start_time.clear();
  c.sites.clear();
  c.participants.clear();
  const Document d = build_invitation(c);
  std::string drafts;
  for (const auto& s : d.sections) {
    for (const auto& b : s.blocks) {
      if (b.kind == Block::Kind::draft) drafts += b.text + "\n";
    }
  }
  EXPECT_NE(drafts.find("Thành phần được mời (chưa ghi danh sách mời)."), std::string::npos);
  EXPECT_NE(drafts.find("Thời gian: …… giờ ……, thứ Tư, ngày 08 tháng 4 năm 2026."),
            std::string::npos)
      << drafts;
  EXPECT_NE(drafts.find("Địa điểm: …… (chưa ghi điểm cầu)."), std::string::npos);
  EXPECT_EQ(d.signer_authority, "T/M CHI BỘ");
}

}  // namespace
}  // namespace dangvu::report

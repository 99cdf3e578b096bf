// The invitation, the minutes and the news item of a review conference. Every sentence is made
// of recorded facts; what a person must still write (an end time nobody recorded, a speech
// without a summary) is a marked draft or placeholder, never a guess.
#include "report/conference_documents.h"

#include <map>

#include "report/blocks.h"
#include "report/format.h"
#include "report/party_format.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

std::string count(std::int64_t n) { return format_integer(n); }

// "A, B, C": the non-empty parts joined.
std::string joined(const std::vector<std::string>& parts, const std::string& sep = ", ") {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Lower case for comparing a title's last words with an org's first: ASCII letters and Đ.
std::string folded_case(std::string s) {
  for (std::size_t at = s.find("Đ"); at != std::string::npos; at = s.find("Đ", at)) {
    s.replace(at, std::string("Đ").size(), "đ");
  }
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// "Phó Bí thư Thường trực Đảng ủy Khối các cơ quan tỉnh": a post is written with its body; a
// title that ends with the body's kind ("Bí thư chi bộ" of "Chi bộ Văn phòng") names it once.
std::string post_of(const std::string& title, const std::string& org) {
  if (title.empty() || org.empty()) return title.empty() ? org : title;
  const std::string t = folded_case(title), o = folded_case(org);
  for (std::size_t space = o.find(' '); space != std::string::npos;
       space = o.find(' ', space + 1)) {
    const std::string head = o.substr(0, space);  // the org's first words
    if (t.size() > head.size() && t.compare(t.size() - head.size(), head.size(), head) == 0 &&
        t[t.size() - head.size() - 1] == ' ') {
      return title.substr(0, title.size() - head.size()) + org;
    }
  }
  return title + " " + org;
}

// "đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy Khối các cơ quan tỉnh".
std::string comrade(const std::string& name, const std::string& title, const std::string& org) {
  return joined({"đồng chí " + name, post_of(title, org)});
}
// The same at the start of a sentence: "Đồng chí …".
std::string comrade_at_start(const std::string& name, const std::string& title,
                             const std::string& org) {
  return joined({"Đồng chí " + name, post_of(title, org)});
}

// Report titles and task titles start with an ASCII capital ("Sơ kết", "Kết quả", "Tổng kết"):
// in the middle of a sentence it becomes small.
std::string lower_first_ascii(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// "Điểm cầu Hà Nội" in the middle of a sentence: "điểm cầu Hà Nội".
std::string site_in_sentence(const std::string& name) {
  const std::string prefix = "Điểm cầu ";
  if (name.rfind(prefix, 0) == 0) return "điểm cầu " + name.substr(prefix.size());
  return name;
}

bool came(Attendance a) { return a == Attendance::present || a == Attendance::late; }

// "trực tiếp kết hợp trực tuyến", "trực tiếp" or "trực tuyến"; empty without sites.
std::string form_of(const std::vector<ConferenceDocSite>& sites) {
  bool in_person = false, online = false;
  for (const auto& s : sites) (s.mode == SiteMode::online ? online : in_person) = true;
  if (in_person && online) return "trực tiếp kết hợp trực tuyến";
  if (online) return "trực tuyến";
  if (in_person) return "trực tiếp";
  return "";
}

// "Điểm cầu 1 – Điểm cầu Hà Nội (trực tiếp): 54 Hai Bà Trưng, Hà Nội".
std::string site_line(const ConferenceDocSite& s, bool with_host) {
  std::string t = "Điểm cầu " + std::to_string(s.number) + " – " + s.name + " (" +
                  std::string(label_vi(s.mode)) + ")";
  if (s.mode == SiteMode::online) {
    t += ": đường dẫn " + s.link;
    if (!s.address.empty()) t += ", " + s.address;
  } else {
    t += ": " + s.address;
  }
  if (with_host && !s.host_org.empty()) t += "; đơn vị chủ trì điểm cầu: " + s.host_org;
  return t + ".";
}

const ConferenceDocSite* site_of(const ConferenceDoc& c, int number) {
  for (const auto& s : c.sites) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

// "quá một nửa", "ít nhất hai phần ba", "quá 3/5".
std::string rule_text(const QuorumRule& r) {
  std::string fraction = std::to_string(r.numerator) + "/" + std::to_string(r.denominator);
  if (r.numerator == 1 && r.denominator == 2) fraction = "một nửa";
  if (r.numerator == 2 && r.denominator == 3) fraction = "hai phần ba";
  return std::string(r.more_than ? "quá " : "ít nhất ") + fraction;
}

std::string decision_text(const ConferenceDocDecision& d) {
  if (d.kind == DecisionKind::cluster_rotation) {
    std::string t = "Hội nghị thống nhất " + d.leading + " làm Cụm trưởng";
    if (!d.deputy.empty()) t += ", " + d.deputy + " làm Cụm phó";
    if (!d.cluster.empty()) t += " " + d.cluster;
    if (!d.for_period_label.empty()) t += " " + d.for_period_label;
    t += ".";
    if (!d.text.empty()) t += " " + d.text;
    return t;
  }
  return d.text;
}

Document letterhead(const ConferenceDoc& c, const std::string& type, Date date) {
  Document d;
  d.superior = text::to_upper_vi(c.issuer.superior);
  d.issuer = text::to_upper_vi(c.issuer.committee);
  d.number = "Số       -" + type + "/" + c.issuer.symbol;
  d.place_date = place_date_line(c.issuer.place, date);
  return d;
}

// "đồng chí Nguyễn Văn An, Bí thư Đảng ủy …" when the title is known.
std::string named(const std::string& name, const std::string& title) {
  return "đồng chí " + name + (title.empty() ? "" : ", " + title);
}

std::string time_and_date(const ConferenceDoc& c) {
  std::string t;
  if (!c.start_time.empty()) t = time_in_words(c.start_time) + ", ";
  return t + weekday_vi(c.held_on) + ", " + date_in_words(c.held_on);
}

}  // namespace

Document build_invitation(const ConferenceDoc& c) {
  Document d = letterhead(c, "GM", c.invitation_date);
  d.kind_title = "GIẤY MỜI";
  d.title = "Dự " + c.title;
  Section s{"", 1, {}};
  s.blocks.push_back(paragraph(c.issuer.committee + " trân trọng kính mời:"));
  // Guests by name; members invited with a whole org as that org (how many); others by name.
  std::vector<std::string> orgs_in_order;
  std::map<std::string, std::int64_t> per_org, temporary_in;
  std::vector<std::string> lines;
  for (const auto& p : c.participants) {
    if (p.kind == ParticipantKind::guest)
      lines.push_back(comrade_at_start(p.name, p.title, p.organization));
  }
  for (const auto& p : c.participants) {
    if (p.kind != ParticipantKind::member) continue;
    if (!p.invited_with.empty()) {
      if (per_org[p.invited_with]++ == 0) orgs_in_order.push_back(p.invited_with);
      if (p.temporary) ++temporary_in[p.invited_with];
    } else {
      lines.push_back(comrade_at_start(p.name, p.title, p.organization));
    }
  }
  for (const auto& org : orgs_in_order) {
    // The org's own members, and those on temporary activity in it, counted apart.
    const std::int64_t temporary = temporary_in[org];
    std::string n = count(per_org[org] - temporary) + " đồng chí";
    if (temporary > 0) n += " và " + count(temporary) + " đồng chí sinh hoạt tạm thời";
    lines.push_back("Các đồng chí đảng viên " + org + " (" + n + ")");
  }
  if (lines.empty()) {
    s.blocks.push_back(draft("Thành phần được mời (chưa ghi danh sách mời)."));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    s.blocks.push_back(bullet(lines[i] + (i + 1 == lines.size() ? "." : ";")));
  }
  s.blocks.push_back(paragraph("Tới dự " + c.title + "."));
  if (c.start_time.empty()) {
    s.blocks.push_back(draft("Thời gian: …… giờ ……, " + weekday_vi(c.held_on) + ", " +
                             date_in_words(c.held_on) + "."));
  } else {
    s.blocks.push_back(paragraph("Thời gian: " + time_and_date(c) + "."));
  }
  if (c.sites.empty()) {
    s.blocks.push_back(draft("Địa điểm: …… (chưa ghi điểm cầu)."));
  } else if (c.sites.size() == 1) {
    const auto& site = c.sites.front();
    s.blocks.push_back(paragraph(
        std::string("Địa điểm: ") + site.name + " (" + std::string(label_vi(site.mode)) + "), " +
        (site.mode == SiteMode::online ? "đường dẫn " + site.link : site.address) + "."));
  } else {
    s.blocks.push_back(paragraph("Hình thức: " + form_of(c.sites) + ", tại " +
                                 std::to_string(c.sites.size()) + " điểm cầu:"));
    for (const auto& site : c.sites) s.blocks.push_back(bullet(site_line(site, false)));
  }
  std::vector<std::string> agenda;
  for (const auto& i : c.items) {
    if (i.kind == ItemKind::agenda) agenda.push_back(i.title);
  }
  if (!agenda.empty()) {
    s.blocks.push_back(paragraph("Nội dung:"));
    for (const auto& a : agenda) s.blocks.push_back(bullet(a + "."));
  }
  if (c.report) {
    s.blocks.push_back(paragraph("Tài liệu hội nghị: Báo cáo " +
                                 lower_first_ascii(c.report->title) + " của " + c.report_org_name +
                                 "."));
  }
  s.blocks.push_back(paragraph("Đề nghị các đồng chí bố trí thời gian tham dự đúng giờ./."));
  d.sections = {std::move(s)};
  d.recipients = {"Như thành phần mời,", archive_line(c.issuer)};
  d.signer_authority = c.issuer.authority;
  d.signer_title = c.issuer.signer_title;
  d.signer_name = c.issuer.signer_name;
  return d;
}

Document build_minutes(const ConferenceDoc& c) {
  Document d = letterhead(c, "BB", c.held_on);
  d.kind_title = "BIÊN BẢN";
  d.title = c.title;

  Section head{"I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", 1, {}};
  if (c.start_time.empty()) {
    head.blocks.push_back(paragraph("Thời gian: " + time_and_date(c) + "."));
    head.blocks.push_back(draft("Giờ bắt đầu: …… giờ …… (chưa ghi)."));
  } else {
    head.blocks.push_back(paragraph("Thời gian: bắt đầu lúc " + time_and_date(c) + "."));
  }
  if (c.sites.empty()) {
    head.blocks.push_back(draft("Địa điểm: …… (chưa ghi điểm cầu)."));
  } else if (c.sites.size() == 1 && c.sites.front().mode == SiteMode::in_person) {
    head.blocks.push_back(
        paragraph("Địa điểm: " + c.sites.front().name + ", " + c.sites.front().address + "."));
  } else {
    head.blocks.push_back(paragraph("Hình thức: " + form_of(c.sites) + ", tại " +
                                    std::to_string(c.sites.size()) + " điểm cầu:"));
    for (const auto& site : c.sites) head.blocks.push_back(bullet(site_line(site, true)));
  }
  head.blocks.push_back(c.chair.empty()
                            ? draft("Chủ trì: đồng chí …… (chưa ghi).")
                            : paragraph("Chủ trì: " + named(c.chair, c.chair_title) + "."));
  head.blocks.push_back(c.secretary.empty()
                            ? draft("Thư ký: đồng chí …… (chưa ghi).")
                            : paragraph("Thư ký: " + named(c.secretary, c.secretary_title) + "."));

  // Guests, with their attendance when recorded.
  std::vector<std::string> guests;
  for (const auto& p : c.participants) {
    if (p.kind != ParticipantKind::guest) continue;
    std::string t = comrade_at_start(p.name, p.title, p.organization);
    if (came(p.attendance)) {
      const auto* site = site_of(c, p.site);
      if (site) t += " (dự tại " + site_in_sentence(site->name) + ")";
    } else if (p.attendance == Attendance::absent) {
      t += " (vắng mặt" + (p.reason.empty() ? std::string() : ": " + p.reason) + ")";
    }
    guests.push_back(t);
  }
  if (!guests.empty()) {
    head.blocks.push_back(paragraph("Đại biểu khách mời:"));
    for (std::size_t i = 0; i < guests.size(); ++i) {
      head.blocks.push_back(bullet(guests[i] + (i + 1 == guests.size() ? "." : ";")));
    }
  }

  // Members: invited, present (late included), absent with reasons, not yet recorded.
  std::int64_t invited = 0, present = 0, late = 0, absent = 0, unrecorded = 0;
  std::vector<std::string> absences;
  for (const auto& p : c.participants) {
    if (p.kind != ParticipantKind::member) continue;
    ++invited;
    if (came(p.attendance)) ++present;
    if (p.attendance == Attendance::late) ++late;
    if (p.attendance == Attendance::invited) ++unrecorded;
    if (p.attendance == Attendance::absent) {
      ++absent;
      absences.push_back("đồng chí " + p.name + (p.reason.empty() ? "" : ", lý do: " + p.reason));
    }
  }
  if (invited > 0) {
    std::string t = "Đảng viên được triệu tập: " + count(invited) +
                    " đồng chí; có mặt: " + count(present) + " đồng chí";
    if (late > 0) t += " (trong đó " + count(late) + " đồng chí đến muộn)";
    t += "; vắng mặt: " + count(absent) + " đồng chí";
    if (!absences.empty()) t += " (" + joined(absences, "; ") + ")";
    if (unrecorded > 0) t += "; chưa điểm danh: " + count(unrecorded) + " đồng chí";
    head.blocks.push_back(paragraph(t + "."));
    if (c.sites.size() > 1) {
      Table t1;
      t1.id = "attendance";
      t1.title = "Đảng viên dự hội nghị theo điểm cầu";
      t1.header = {"Điểm cầu", "Hình thức", "Có mặt", "Trong đó đến muộn", "Vắng mặt"};
      std::int64_t sum_present = 0, sum_late = 0, sum_absent = 0;
      for (const auto& site : c.sites) {
        std::int64_t p = 0, l = 0, a = 0;
        for (const auto& x : c.participants) {
          if (x.kind != ParticipantKind::member || x.site != site.number) continue;
          if (came(x.attendance)) ++p;
          if (x.attendance == Attendance::late) ++l;
          if (x.attendance == Attendance::absent) ++a;
        }
        sum_present += p;
        sum_late += l;
        sum_absent += a;
        t1.rows.push_back({Cell::of_text(std::to_string(site.number) + ". " + site.name),
                           Cell::of_text(std::string(label_vi(site.mode))),
                           Cell::of_integer(static_cast<double>(p)),
                           Cell::of_integer(static_cast<double>(l)),
                           Cell::of_integer(static_cast<double>(a))});
      }
      t1.rows.push_back({Cell::of_text("Tổng cộng"), Cell::of_text(""),
                         Cell::of_integer(static_cast<double>(sum_present)),
                         Cell::of_integer(static_cast<double>(sum_late)),
                         Cell::of_integer(static_cast<double>(sum_absent))});
      t1.last_row_is_total = true;
      head.blocks.push_back(table_block(std::move(t1)));
    }
    const Quorum& q = c.quorum;
    std::string qt = "Đảng viên sinh hoạt chính thức tại " + c.org_name + " có mặt " +
                     count(q.present) + "/" + count(q.invited) + " đồng chí được triệu tập";
    if (q.invited < invited) {
      qt += " (không tính " + count(invited - q.invited) + " đồng chí sinh hoạt tạm thời)";
    }
    qt += "; theo quy định phải có " + rule_text(q.rule) +
          " số đảng viên được triệu tập (tối thiểu " + count(q.required) + " đồng chí): ";
    qt += q.reached ? "Hội nghị đủ điều kiện tiến hành."
                    : "Hội nghị chưa đủ số đảng viên tham dự theo quy định.";
    head.blocks.push_back(paragraph(qt));
  } else {
    head.blocks.push_back(draft("Đảng viên dự hội nghị (chưa ghi danh sách mời)."));
  }

  Section content{"II. NỘI DUNG HỘI NGHỊ", 1, {}};
  std::vector<Section> parts;
  int n = 0;
  auto sub = [&](const std::string& heading) {
    parts.push_back({std::to_string(++n) + ". " + heading, 2, {}});
    return &parts.back();
  };
  std::vector<const ConferenceDocItem*> agenda, contributions, speeches;
  for (const auto& i : c.items) {
    (i.kind == ItemKind::agenda         ? agenda
     : i.kind == ItemKind::contribution ? contributions
                                        : speeches)
        .push_back(&i);
  }
  if (!agenda.empty()) {
    Section* s = sub("Chương trình hội nghị");
    for (const auto* i : agenda) s->blocks.push_back(bullet(i->title + "."));
  }
  if (c.report) {
    Section* s = sub("Báo cáo tại Hội nghị");
    s->blocks.push_back(paragraph("Hội nghị nghe Báo cáo " + lower_first_ascii(c.report->title) +
                                  " của " + c.report_org_name + ". Các số liệu chủ yếu:"));
    for (const auto& sentence : c.report->sentences) s->blocks.push_back(bullet(sentence));
  }
  if (!contributions.empty()) {
    Section* s = sub("Tham luận");
    s->blocks.push_back(paragraph(
        "Hội nghị nghe " + count(static_cast<std::int64_t>(contributions.size())) + " tham luận:"));
    for (const auto* i : contributions) {
      std::string t =
          comrade_at_start(i->speaker, i->speaker_title, i->speaker_org) + ": «" + i->title + "»";
      t += i->summary.empty() ? "." : ". " + i->summary;
      s->blocks.push_back(bullet(t));
    }
  }
  // What was said in the discussion is the secretary's to write.
  if (c.report || !contributions.empty()) {
    sub("Ý kiến thảo luận")
        ->blocks.push_back(draft("Các ý kiến phát biểu, thảo luận tại Hội nghị (thư ký ghi)."));
  }
  if (!speeches.empty()) {
    Section* s = sub("Phát biểu chỉ đạo");
    for (const auto* i : speeches) {
      const std::string who = comrade_at_start(i->speaker, i->speaker_title, i->speaker_org);
      if (i->summary.empty()) {
        s->blocks.push_back(paragraph(who + " phát biểu chỉ đạo Hội nghị."));
        s->blocks.push_back(draft("Nội dung phát biểu chỉ đạo (thư ký ghi)."));
      } else {
        s->blocks.push_back(paragraph(who + " phát biểu chỉ đạo Hội nghị: " + i->summary));
      }
    }
  }
  if (parts.empty()) content.blocks.push_back(draft("Diễn biến hội nghị (chưa ghi)."));

  Section conclusion{"III. KẾT LUẬN CỦA HỘI NGHỊ", 1, {}};
  if (c.conclusion.empty()) {
    conclusion.blocks.push_back(draft("Kết luận của đồng chí chủ trì hội nghị (chưa ghi)."));
  } else {
    if (!c.chair.empty()) {
      conclusion.blocks.push_back(paragraph("Đồng chí " + c.chair + " kết luận Hội nghị:"));
    }
    conclusion.blocks.push_back(paragraph(c.conclusion));
  }

  d.sections = {std::move(head), std::move(content)};
  for (auto& p : parts) d.sections.push_back(std::move(p));
  d.sections.push_back(std::move(conclusion));
  int roman = 4;
  static const char* const kRoman[] = {"", "I", "II", "III", "IV", "V", "VI"};
  if (!c.decisions.empty()) {
    Section s{std::string(kRoman[roman++]) + ". QUYẾT NGHỊ CỦA HỘI NGHỊ", 1, {}};
    for (const auto& dec : c.decisions) s.blocks.push_back(bullet(decision_text(dec)));
    d.sections.push_back(std::move(s));
  }
  if (!c.tasks.empty()) {
    Section s{std::string(kRoman[roman++]) + ". NHIỆM VỤ TRỌNG TÂM", 1, {}};
    s.blocks.push_back(paragraph("Hội nghị giao " +
                                 count(static_cast<std::int64_t>(c.tasks.size())) +
                                 " nhiệm vụ trọng tâm:"));
    Table t;
    t.id = "tasks";
    t.title = "Nhiệm vụ trọng tâm và thời hạn";
    t.header = {"Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"};
    for (const auto& task : c.tasks) {
      t.rows.push_back(
          {Cell::of_text(task.title), Cell::of_text(task.owner), Cell::of_text(task.due.vi())});
    }
    s.blocks.push_back(table_block(std::move(t)));
    d.sections.push_back(std::move(s));
  }
  Section closing{"", 1, {}};
  if (c.report) {
    closing.blocks.push_back(
        draft("Hội nghị biểu quyết thông qua Báo cáo: …… /…… đồng chí tán "
              "thành (đạt ……%)."));
  }
  closing.blocks.push_back(
      draft("Hội nghị kết thúc lúc …… giờ …… cùng ngày. Biên bản đã được đọc lại, thông qua tại "
            "Hội nghị."));
  d.sections.push_back(std::move(closing));

  d.left_signer_title = "THƯ KÝ HỘI NGHỊ";
  d.left_signer_name = c.secretary;
  d.signer_title = "CHỦ TRÌ HỘI NGHỊ";
  d.signer_name = c.chair;

  // The annex: everyone invited, one line each (one or two pages per hundred people): guests
  // first, then members by their org.
  if (!c.participants.empty()) {
    Table t;
    t.id = "participants";
    t.title = "Danh sách đại biểu và đảng viên được mời";
    t.compact = true;
    t.header = {"TT", "Họ và tên", "Đơn vị", "Điểm danh"};
    int row = 0;
    for (const auto& p : c.participants) {
      std::string where = p.kind == ParticipantKind::guest ? joined({p.title, p.organization})
                          : p.temporary                    ? "sinh hoạt tạm thời"
                                                           : p.organization;
      std::string att = p.attendance == Attendance::invited ? "chưa điểm danh"
                                                            : std::string(label_vi(p.attendance));
      if (p.attendance == Attendance::absent && !p.reason.empty()) att += ": " + p.reason;
      if (came(p.attendance) && c.sites.size() > 1) {
        if (const auto* site = site_of(c, p.site))
          att += " (điểm cầu " + std::to_string(site->number) + ")";
      }
      t.rows.push_back({Cell::of_text(std::to_string(++row)), Cell::of_text(p.name),
                        Cell::of_text(where), Cell::of_text(att)});
    }
    d.annex = {{"DANH SÁCH THAM DỰ", 1, {table_block(std::move(t))}}};
  }
  return d;
}

NewsItem build_news_item(const ConferenceDoc& c, const std::string& author) {
  NewsItem n;
  n.title = c.org_name + " tổ chức " + c.title;

  // The lead: when, who, how; guests who came; the chair; attendance.
  std::string when;
  if (!c.start_time.empty()) {
    const int hour = std::stoi(c.start_time.substr(0, 2));
    when = hour < 11 ? "Sáng " : hour < 13 ? "Trưa " : hour < 18 ? "Chiều " : "Tối ";
  }
  std::string lead = when + (when.empty() ? "Ngày " : "ngày ") +
                     date_in_words(c.held_on).substr(std::string("ngày ").size()) + ", " +
                     c.org_name + " tổ chức " + c.title;
  const std::string form = form_of(c.sites);
  if (c.sites.size() > 1) {
    lead += " theo hình thức " + form + " tại " + std::to_string(c.sites.size()) + " điểm cầu";
  } else if (form == "trực tuyến") {
    lead += " theo hình thức trực tuyến";
  }
  lead += ".";
  std::vector<std::string> guests;
  for (const auto& p : c.participants) {
    if (p.kind == ParticipantKind::guest && came(p.attendance)) {
      guests.push_back(comrade(p.name, p.title, p.organization));
    }
  }
  std::int64_t present = 0;
  for (const auto& p : c.participants) {
    if (p.kind == ParticipantKind::member && came(p.attendance)) ++present;
  }
  const std::string members =
      present > 0 ? " cùng " + count(present) + " đảng viên của " + c.org_name : std::string();
  if (!guests.empty()) {
    lead += " Dự và chỉ đạo Hội nghị có " + joined(guests, "; ") + members + ".";
  } else if (present > 0) {
    lead += " Tham dự Hội nghị có" + members.substr(std::string(" cùng").size()) + ".";
  }
  if (!c.chair.empty()) {
    lead += " " + comrade_at_start(c.chair, c.chair_title, "") + " chủ trì Hội nghị.";
  }
  n.lead = {{lead, false}};

  auto text = [&](std::vector<NewsSpan> spans) {
    n.body.push_back({NewsParagraph::Kind::text, std::move(spans)});
  };
  auto photo = [&](std::string caption) {
    n.body.push_back({NewsParagraph::Kind::photo, {{std::move(caption), false}}});
  };
  auto site_photo = [&](const ConferenceDocSite& s) {
    photo("Toàn cảnh Hội nghị tại " + site_in_sentence(s.name));
  };
  if (c.sites.empty()) {
    photo("Toàn cảnh Hội nghị");
  } else {
    site_photo(c.sites.front());
  }

  // The report's figures, as the report prints them.
  if (c.report) {
    std::string intro = "Hội nghị đã nghe Báo cáo " + lower_first_ascii(c.report->title);
    if (c.report_org_name != c.org_name) intro += " của " + c.report_org_name;
    intro += ".";
    const auto& s = c.report->public_sentences;
    std::string first = intro, second;
    for (std::size_t i = 0; i < s.size(); ++i) (i < 2 ? first : second) += " " + s[i];
    text({{first, false}});
    if (!second.empty()) text({{second.substr(1), false}});
  } else {
    text({{"Kết quả công tác xây dựng Đảng " + c.period.label_vi() +
               " (chưa gắn báo cáo của kỳ vào hội nghị)",
           true}});
  }
  for (std::size_t i = 1; i < c.sites.size(); ++i) site_photo(c.sites[i]);

  std::vector<std::string> contributions;
  for (const auto& i : c.items) {
    if (i.kind != ItemKind::contribution) continue;
    contributions.push_back("«" + i.title + "» của " +
                            comrade(i.speaker, i.speaker_title, i.speaker_org));
  }
  if (!contributions.empty()) {
    text({{"Hội nghị đã nghe " + count(static_cast<std::int64_t>(contributions.size())) +
               " tham luận: " + joined(contributions, "; ") + ".",
           false}});
  }
  for (const auto& i : c.items) {
    if (i.kind != ItemKind::directing_speech) continue;
    const std::string who = comrade(i.speaker, i.speaker_title, i.speaker_org);
    photo(comrade_at_start(i.speaker, i.speaker_title, i.speaker_org) +
          " phát biểu chỉ đạo Hội nghị");
    if (i.summary.empty()) {
      text({{"Phát biểu chỉ đạo Hội nghị, " + who + " ", false},
            {"nội dung phát biểu chỉ đạo", true}});
    } else {
      text({{"Phát biểu chỉ đạo Hội nghị, " + who + " nêu: " + i.summary, false}});
    }
  }

  if (c.conclusion.empty()) {
    text({{"Kết luận của Hội nghị", true}});
  } else {
    text({{(c.chair.empty() ? std::string("Kết luận Hội nghị: ")
                            : "Phát biểu kết luận Hội nghị, đồng chí " + c.chair + " nêu: ") +
               c.conclusion,
           false}});
  }
  for (const auto& dec : c.decisions) text({{decision_text(dec), false}});
  if (!c.tasks.empty()) {
    std::vector<std::string> tasks;
    for (const auto& t : c.tasks) {
      tasks.push_back(lower_first_ascii(t.title) + " (" + t.owner + ", thời hạn " + t.due.vi() +
                      ")");
    }
    text({{"Hội nghị đã giao " + count(static_cast<std::int64_t>(c.tasks.size())) +
               " nhiệm vụ trọng tâm: " + joined(tasks, "; ") + "./.",
           false}});
  }
  n.author = {{"Tin: ", false},
              author.empty() ? NewsSpan{"tên tác giả", true} : NewsSpan{author, false},
              {" – " + c.org_name, false}};
  return n;
}

}  // namespace dangvu::report

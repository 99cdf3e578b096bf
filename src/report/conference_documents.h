#pragma once
// The documents of a review conference, built from its record only: the invitation (giấy mời) and
// the minutes (biên bản) as Party documents (the same Document the report uses, so the same Word,
// HTML renderers), and a news item for the organization's web portal (news.h). What is not
// recorded is left out or left as a marked placeholder; no fact is invented.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/conference.h"
#include "core/issuer.h"
#include "core/org.h"
#include "core/period.h"
#include "report/document.h"
#include "report/news.h"
#include "report/review_report.h"

namespace dangvu::report {

struct ConferenceDocSite {
  int number = 0;
  SiteMode mode = SiteMode::in_person;
  std::string name, address, link, host_org;  // host_org: its name, may be empty
};

struct ConferenceDocPerson {
  ParticipantKind kind = ParticipantKind::member;
  std::string name, title, organization;
  std::string invited_with;  // the org whose members were all invited with this one, or empty
  int site = 0;              // 0: attendance not recorded
  Attendance attendance = Attendance::invited;
  std::string reason;
  bool temporary = false;  // invited with the org, official activity elsewhere (temporary here)
};

struct ConferenceDocItem {
  ItemKind kind = ItemKind::agenda;
  std::string title, speaker, speaker_title, speaker_org, file_name, summary;
};

struct ConferenceDocDecision {
  DecisionKind kind = DecisionKind::general;
  std::string text;
  std::string cluster, leading, deputy, for_period_label;  // names, for a cluster rotation
};

struct ConferenceDocTask {
  std::string title, owner;  // owner: the org's name
  Date due;
};

// A conference as the documents need it: names rather than codes, in recorded order.
struct ConferenceDoc {
  std::string org_name;  // the organizing org on the conference's date
  Issuer issuer;         // who issues its invitation and minutes (core/issuer.h)
  ConferenceKind kind = ConferenceKind::half_year_review;
  std::string title;
  Period period;
  Date held_on;
  std::string start_time;  // "HH:MM" or empty
  std::string chair, secretary;
  std::string chair_title, secretary_title;  // "Bí thư Đảng ủy …" when they hold the post
  std::vector<ConferenceDocSite> sites;
  std::vector<ConferenceDocPerson> participants;
  Quorum quorum;
  std::vector<ConferenceDocItem> items;
  std::string conclusion;
  std::vector<ConferenceDocDecision> decisions;
  std::vector<ConferenceDocTask> tasks;
  // The attached report, computed now by the report's own code, and whose report it is.
  std::optional<ReportHighlights> report;
  std::string report_org_name, report_period_label;
  Date invitation_date;  // the invitation's date line (the office's choice)
};

// The invitation: whom (guests by name, members by the org invited whole, others by name),
// to what, when (date, weekday, time), where (each site: address or link), the programme and the
// report to be presented. Signed on behalf of the organizing committee.
Document build_invitation(const ConferenceDoc& c);

// The minutes: time, form and sites, chair and secretary, guests, attendance per site and the
// quorum, the programme, the report's figures, contributions, the directing speech, the
// conclusion, the decisions and the follow-up tasks; the list of participants in the annex.
// Signed by the secretary (left) and the chair (right).
Document build_minutes(const ConferenceDoc& c);

// The news item in the style of the portals' articles (title, lead, body with the report's
// figures, photo captions as placeholders, author line). `author` empty: a marked placeholder.
NewsItem build_news_item(const ConferenceDoc& c, const std::string& author);

}  // namespace dangvu::report

// A conference's documents: its record read as show_conference reads it (same access rules), names
// resolved on the conference's date, the attached report's figures computed by the report's own
// code, then handed to report/conference_documents.
#include "report/conference_documents.h"
#include "core/conference.h"
#include "service/registry.h"
#include "text/normalize.h"

namespace dangvu::service {

namespace {

std::string name_on(const OrgHistory& history, OrgId org, Date at) {
  const OrgVersion* v = history.version_at(org, at);
  if (v == nullptr) v = history.latest(org);
  return v ? v->name : std::string();
}

}  // namespace

Result<report::ConferenceDoc> Registry::conference_doc(long long id) {
  auto view = show_conference(id, "");
  if (!view.ok()) return view.error();
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  auto record = visible_conference(id, *history);
  if (!record.ok()) return record.error();
  // A cancelled conference was not held: it has no invitation, minutes or news to sign.
  DANGVU_TRY(require_not_cancelled(*record));
  const Date held_on = record->held_on;
  const OrgId org = record->org;

  report::ConferenceDoc c;
  c.org_name = name_on(*history, org, held_on);
  {
    const OrgTree tree = history->tree_as_of(held_on);
    auto issuer = issuer_on(tree, org, held_on);
    if (!issuer.ok()) return issuer.error();
    c.issuer = std::move(*issuer);
  }
  c.kind = record->kind;
  c.title = record->title;
  auto period = Period::parse(record->period);
  if (!period.ok()) return period.error();
  c.period = *period;
  c.held_on = held_on;
  c.start_time = record->start_time;
  c.chair = view->chair;
  c.secretary = view->secretary;
  // Their titles where they hold the committee's posts on the day.
  auto title_of = [&](const std::string& name) -> std::string {
    if (name.empty()) return {};
    if (name == c.issuer.secretary) return "Bí thư " + c.issuer.committee;
    if (name == c.issuer.deputy) return "Phó Bí thư " + c.issuer.committee;
    return {};
  };
  c.chair_title = title_of(c.chair);
  c.secretary_title = title_of(c.secretary);
  // Invitations go out before the conference: dated the day before it at the latest.
  c.invitation_date = std::min(clock_.today(), held_on.add_days(-1));

  for (const auto& s : view->sites) {
    c.sites.push_back({s.number, parse_site_mode(s.mode).value_or(SiteMode::in_person), s.name,
                       s.address, s.link, s.host_org_name});
  }

  // Each member's organization on the day, for those in the organizing org's subtree.
  std::unordered_map<std::string, std::string> member_org;
  {
    const OrgTree tree = history->tree_as_of(held_on);
    store::MemberQuery q;
    q.at = held_on;
    if (tree.find(org) != nullptr) q.orgs = tree.subtree(org);
    q.statuses = {MemberStatus::official, MemberStatus::probationary};
    q.limit = 1000000;
    if (q.orgs) {
      auto page = store_.list_members(q, 0);
      if (!page.ok()) return page.error();
      for (const auto& r : page->rows) {
        if (r.org) member_org[r.code] = name_on(*history, *r.org, held_on);
      }
    }
  }
  const std::string org_prefix = "org:";
  std::vector<report::ConferenceDocPerson> guests, members;
  for (const auto& p : view->participants) {
    report::ConferenceDocPerson d;
    d.kind = parse_participant_kind(p.kind).value_or(ParticipantKind::guest);
    d.name = p.name;
    d.title = p.title;
    d.organization = p.organization;
    if (d.kind == ParticipantKind::member) {
      // Members listed by their official org in the subtree; one invited with the org who is
      // not there is here on temporary activity from elsewhere.
      auto it = member_org.find(p.member_code);
      d.temporary = it == member_org.end() && p.invited_via.rfind(org_prefix, 0) == 0;
      if (d.organization.empty() && it != member_org.end()) d.organization = it->second;
    }
    if (p.invited_via.rfind(org_prefix, 0) == 0) {
      auto invited_org = store_.find_org(p.invited_via.substr(org_prefix.size()));
      if (!invited_org.ok()) return invited_org.error();
      if (*invited_org) d.invited_with = name_on(*history, **invited_org, held_on);
    }
    d.site = p.site;
    d.attendance = parse_attendance(p.attendance).value_or(Attendance::invited);
    d.reason = p.reason;
    (d.kind == ParticipantKind::guest ? guests : members).push_back(std::move(d));
  }
  c.participants = std::move(guests);
  for (auto& m : members) c.participants.push_back(std::move(m));
  const auto& q = view->quorum;
  c.quorum = {q.invited, q.present, q.required, q.reached,
              QuorumRule{q.numerator, q.denominator, q.more_than}};

  for (const auto& i : view->items) {
    c.items.push_back({parse_item_kind(i.kind).value_or(ItemKind::agenda), i.title, i.speaker,
                       i.speaker_title, i.speaker_org, i.file_name, i.summary});
  }
  c.conclusion = view->conclusion;
  for (const auto& d : view->decisions) {
    c.decisions.push_back({parse_decision_kind(d.kind).value_or(DecisionKind::general), d.text,
                           d.cluster_name, d.leading_name, d.deputy_name, d.for_period_label});
  }
  for (const auto& t : view->tasks) {
    auto due = Date::parse(t.due_on);
    if (!due.ok()) return due.error();
    c.tasks.push_back({t.title, t.owner_org_name, *due});
  }

  if (!view->report_org_code.empty()) {
    auto h = report_highlights(view->report_org_code, view->report_period);
    if (!h.ok()) return h.error();
    c.report = std::move(*h);
    c.report_org_name = view->report_org_name;
    c.report_period_label = view->report_period_label;
  }
  return c;
}

Result<report::Document> Registry::conference_invitation(long long id) {
  auto c = conference_doc(id);
  if (!c.ok()) return c.error();
  return report::build_invitation(*c);
}

Result<report::Document> Registry::conference_minutes(long long id) {
  auto c = conference_doc(id);
  if (!c.ok()) return c.error();
  return report::build_minutes(*c);
}

Result<report::NewsItem> Registry::conference_news(long long id, const std::string& author) {
  auto c = conference_doc(id);
  if (!c.ok()) return c.error();
  std::string name;
  if (!author.empty()) {
    auto cleaned = text::clean_field(author, "author", 200);
    if (!cleaned.ok()) return cleaned.error();
    name = *cleaned;
  }
  return report::build_news_item(*c, name);
}

}  // namespace dangvu::service

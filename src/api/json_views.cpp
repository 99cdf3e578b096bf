// JSON of the read views and of errors: one shape for the API and the CLI's --json.
#include "api/json_views.h"

namespace dangvu::api {

using nlohmann::json;

namespace {

json counts_json(const service::MemberCounts& c) {
  return {{"members", c.members()},
          {"official", c.official},
          {"probationary", c.probationary},
          {"candidates", c.candidates}};
}

// A cancelled record's cancellation (when UTC, by whom, why), null for a record that stands.
json cancelled_json(const std::optional<service::CancellationView>& c) {
  if (!c) return nullptr;
  return {{"on", c->on}, {"by", c->by}, {"reason", c->reason}};
}

json node_json(const service::TreeNodeView& n) {
  json children = json::array();
  for (const auto& c : n.children) children.push_back(node_json(c));
  return {{"code", n.code},
          {"name", n.name},
          {"kind", std::string(to_string(n.kind))},
          {"counts", counts_json(n.counts)},
          {"children", children}};
}

}  // namespace

json to_json(const service::TreeView& v) {
  if (v.forest.empty()) return {{"at", v.at.iso()}, {"root", node_json(v.root)}};
  json roots = json::array();
  for (const auto& n : v.forest) roots.push_back(node_json(n));
  return {{"at", v.at.iso()},
          {"roots", roots},
          {"scope_org", v.scope_code},
          {"scope_org_name", v.scope_name},
          {"formed_on", v.scope_formed_on.iso()}};
}

json to_json(const service::StatsView& s) {
  return {{"code", s.code},
          {"name", s.name},
          {"kind", std::string(to_string(s.kind))},
          {"at", s.at.iso()},
          {"grassroots_committees", s.grassroots_committees},
          {"grassroots_branches", s.grassroots_branches},
          {"sub_branches", s.sub_branches},
          {"members", counts_json(s.members)},
          {"probation_overdue", s.probation_overdue},
          {"admitted_this_year", s.admitted_this_year},
          {"recognized_this_year", s.recognized_this_year},
          {"branches_below_minimum", s.branches_below_minimum}};
}

json to_json(const service::MemberView& v) {
  json events = json::array();
  for (const auto& e : v.events) {
    events.push_back({{"id", e.id},
                      {"kind", std::string(to_string(e.kind))},
                      {"date", e.date.iso()},
                      {"org", e.org_code},
                      {"org_name", e.org_name},
                      {"detail", e.detail.empty() ? json::object() : json::parse(e.detail)}});
  }
  json j = {{"code", v.code},
            {"card_number", v.card_number},
            {"family", v.person.family},
            {"middle", v.person.middle},
            {"given", v.person.given},
            {"full_name", v.person.full_name()},
            {"birth_date", v.person.birth_date.iso()},
            {"gender", std::string(to_string(v.person.gender))},
            {"at", v.at.iso()},
            {"status", std::string(to_string(v.status))},
            {"org", v.org_code},
            {"org_name", v.org_name},
            {"temp_org", v.temp_org_code},
            {"party_age_years", v.party_age_years},
            {"probation_overdue", v.probation_overdue},
            {"events", events},
            {"flags", v.flags}};
  j["admitted_on"] = v.admitted_on ? json(v.admitted_on->iso()) : json(nullptr);
  j["badge_years"] = v.badge_years ? json(*v.badge_years) : json(nullptr);
  j["recognition_due"] = v.recognition_due ? json(v.recognition_due->iso()) : json(nullptr);
  return j;
}

json to_json(const service::MemberListView& v) {
  json rows = json::array();
  for (const auto& r : v.rows) {
    rows.push_back({{"code", r.code},
                    {"card_number", r.card_number},
                    {"family", r.person.family},
                    {"middle", r.person.middle},
                    {"given", r.person.given},
                    {"full_name", r.person.full_name()},
                    {"birth_date", r.person.birth_date.iso()},
                    {"status", std::string(to_string(r.status))},
                    {"org", r.org_code},
                    {"org_name", r.org_name}});
  }
  return {{"at", v.at.iso()}, {"total", v.total}, {"more", v.more}, {"rows", rows}};
}

json to_json(const Error& e) {
  return {{"error",
           {{"code", std::string(to_string(e.kind))},
            {"message", e.message_vi},
            {"field", e.field},
            {"rule", e.rule}}}};
}

json to_json(const service::AccountView& v) {
  return {{"username", v.username}, {"display_name", v.display_name},
          {"role", v.role},         {"org", v.org_code},
          {"org_name", v.org_name}, {"must_change_password", v.must_change_password},
          {"disabled", v.disabled}, {"created_at", v.created_at}};
}

json to_json(const service::AuditView& v) {
  json detail = json::parse(v.detail_json, nullptr, false);
  if (detail.is_discarded()) detail = v.detail_json;
  json changes = json::array();
  for (const auto& c : v.changes) {
    changes.push_back(
        {{"field", c.field}, {"label", c.label}, {"before", c.before}, {"after", c.after}});
  }
  return {{"id", v.id},
          {"at", v.at},
          {"actor", v.actor},
          {"actor_label", v.actor_label},
          {"address", v.address},
          {"action", v.action},
          {"action_label", v.action_label},
          {"target", v.target},
          {"org", v.org_code},
          {"detail", detail},
          {"changes", changes}};
}

namespace {

json number_or_null(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json text_or_null(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

json to_json(const service::DocumentView& d) {
  return {{"number", d.number},
          {"type", d.type},
          {"type_label", d.type_vi},
          {"issuer", d.issuer},
          {"issued_on", d.issued_on},
          {"title", d.title},
          {"issuing_body", d.issuing_body}};
}

json to_json(const service::IssuerView& v) {
  return {{"org", v.org_code},
          {"issued_by", v.issued_by},
          {"superior", v.superior},
          {"superior_recipient", v.superior_recipient},
          {"committee", v.committee},
          {"symbol", v.symbol},
          {"authority", v.authority},
          {"place", v.place},
          {"signer_title", v.signer_title},
          {"signer_name", v.signer_name}};
}

json to_json(const service::PlanView& v) {
  json rows = json::array();
  for (const auto& r : v.rows) {
    rows.push_back({{"indicator", r.indicator},
                    {"label", r.label},
                    {"unit", r.unit},
                    {"target", r.target ? json(*r.target) : json(nullptr)}});
  }
  return {{"org", v.org_code}, {"org_name", v.org_name}, {"year", v.year}, {"targets", rows}};
}

json to_json(const service::ActivitiesView& v) {
  json meetings = json::array(), oversights = json::array(), study = json::array();
  for (const auto& m : v.meetings) {
    json absences = json::array();
    for (const auto& a : m.absences) {
      absences.push_back({{"member", a.member}, {"full_name", a.full_name}, {"reason", a.reason}});
    }
    meetings.push_back({{"id", m.id},
                        {"date", m.date},
                        {"org", m.org_code},
                        {"org_name", m.org_name},
                        {"org_parent_name", text_or_null(m.org_parent_name)},
                        {"kind", m.kind},
                        {"kind_label", m.kind_vi},
                        {"topic", m.topic},
                        {"quality", m.quality},
                        {"quality_label", m.quality_vi},
                        {"expected", m.expected},
                        {"present", m.present},
                        {"absences", absences},
                        {"cancelled", cancelled_json(m.cancelled)}});
  }
  for (const auto& o : v.oversights) {
    oversights.push_back({{"id", o.id},
                          {"date", o.date},
                          {"org", o.org_code},
                          {"org_name", o.org_name},
                          {"org_parent_name", text_or_null(o.org_parent_name)},
                          {"kind", o.kind},
                          {"kind_label", o.kind_vi},
                          {"basis", o.basis},
                          {"basis_label", o.basis_vi},
                          {"subject", o.subject},
                          {"conclusion", o.conclusion},
                          {"cancelled", cancelled_json(o.cancelled)}});
  }
  for (const auto& s : v.study_sessions) {
    study.push_back({{"id", s.id},
                     {"date", s.date},
                     {"org", s.org_code},
                     {"org_name", s.org_name},
                     {"org_parent_name", text_or_null(s.org_parent_name)},
                     {"document", s.document_number},
                     {"document_title", s.document_title},
                     {"expected", s.expected},
                     {"present", s.present},
                     {"cancelled", cancelled_json(s.cancelled)}});
  }
  return {{"org", v.org_code},    {"from", v.from},           {"to", v.to},
          {"meetings", meetings}, {"oversights", oversights}, {"study_sessions", study}};
}

json to_json(const service::IndicatorsView& v) {
  json rows = json::array(), checks = json::array();
  for (const auto& r : v.rows) {
    rows.push_back({{"id", r.id},
                    {"label", r.label},
                    {"kind", r.kind},
                    {"unit", r.unit},
                    {"value", number_or_null(r.value)},
                    {"year_done", number_or_null(r.year_done)},
                    {"target", number_or_null(r.target)},
                    {"plan_pct", number_or_null(r.plan_pct)},
                    {"shown", r.shown},
                    {"plan_shown", r.plan_shown}});
  }
  for (const auto& c : v.checks) {
    checks.push_back({{"rule", c.rule},
                      {"title", c.title},
                      {"org", c.org_code},
                      {"org_name", c.org_name},
                      {"message", c.message}});
  }
  return {{"org", v.org_code},  {"org_name", v.org_name},
          {"period", v.period}, {"period_label", v.period_label},
          {"from", v.from},     {"to", v.to},
          {"as_of", v.as_of},   {"indicators", rows},
          {"checks", checks}};
}

json to_json(const service::ImportReport& v) {
  json columns = json::array();
  for (const auto& c : v.columns) {
    json col = {{"column", io::column_name(c.column)},
                {"header", c.header},
                {"field", c.field},
                {"field_label", c.field_label},
                {"by_user", c.by_user},
                {"encoding", std::string(io::to_string(c.encoding))},
                {"encoding_label", std::string(io::label_vi(c.encoding))}};
    if (!c.sample_before.empty()) {
      col["sample"] = {{"before", c.sample_before}, {"after", c.sample_after}};
    }
    columns.push_back(col);
  }
  json fields = json::array();
  for (const auto& f : v.fields) fields.push_back({{"field", f.field}, {"label", f.label}});
  json problems = json::array();
  for (const auto& p : v.problems) {
    problems.push_back({{"sheet", p.sheet},
                        {"row", p.row},
                        {"column", p.column},
                        {"field", p.field},
                        {"message", p.message_vi},
                        {"severity", p.warning ? "warning" : "error"}});
  }
  json ambiguous = json::array();
  for (const auto& a : v.ambiguous_orgs) {
    ambiguous.push_back({{"name", a.name}, {"candidates", a.candidates}, {"rows", a.rows}});
  }
  json preview_columns = json::array();
  for (const auto& c : v.preview_columns) {
    preview_columns.push_back({{"key", c.field}, {"label", c.label}});
  }
  json preview = json::array();
  for (const auto& r : v.preview) {
    json row = {{"row", r.row}, {"outcome", r.outcome}};
    for (std::size_t i = 0; i < v.preview_columns.size() && i < r.values.size(); ++i) {
      row[v.preview_columns[i].field] = r.values[i];
    }
    preview.push_back(row);
  }
  return {{"kind", v.kind},
          {"file", v.file_name},
          {"format", v.format},
          {"sheet", v.sheet},
          {"header_row", v.header_row},
          {"columns", columns},
          {"fields", fields},
          {"rows", v.rows},
          {"skipped", v.skipped},
          {"ambiguous_orgs", ambiguous},
          {"created", v.created},
          {"updated", v.updated},
          {"unchanged", v.unchanged},
          {"rejected", v.rejected},
          {"dossier_records", v.dossier_records},
          {"errors", v.errors()},
          {"omitted_errors", v.omitted.errors},
          {"omitted_warnings", v.omitted.warnings},
          {"dry_run", v.dry_run},
          {"written", v.written},
          {"problems", problems},
          {"preview_columns", preview_columns},
          {"preview", preview}};
}

namespace {

json decision_json(const service::DecisionView& d) {
  json j = {{"seq", d.seq}, {"kind", d.kind}, {"kind_vi", d.kind_vi}, {"text", d.text}};
  if (!d.cluster_code.empty()) {
    j["cluster"] = d.cluster_code;
    j["cluster_name"] = d.cluster_name;
    j["leading"] = d.leading_code;
    j["leading_name"] = d.leading_name;
    j["deputy"] = d.deputy_code;
    j["deputy_name"] = d.deputy_name;
    j["for_period"] = d.for_period;
    j["for_period_label"] = d.for_period_label;
  }
  return j;
}

}  // namespace

json to_json(const service::ConferenceSummaryView& v) {
  return {{"id", v.id},
          {"org", v.org_code},
          {"org_name", v.org_name},
          {"kind", v.kind},
          {"kind_vi", v.kind_vi},
          {"period", v.period},
          {"period_label", v.period_label},
          {"date", v.date},
          {"start_time", v.start_time},
          {"title", v.title},
          {"cancelled", cancelled_json(v.cancelled)}};
}

json to_json(const service::TaskView& v) {
  json events = json::array();
  for (const auto& e : v.events) {
    events.push_back({{"kind", e.kind},
                      {"kind_vi", e.kind_vi},
                      {"date", e.date},
                      {"note", e.note},
                      {"recorded_by", e.recorded_by}});
  }
  return {{"id", v.id},
          {"conference", v.conference},
          {"seq", v.seq},
          {"owner", v.owner_org_code},
          {"owner_name", v.owner_org_name},
          {"title", v.title},
          {"set_on", v.set_on},
          {"due_on", v.due_on},
          {"status", v.status},
          {"status_vi", v.status_vi},
          {"done_on", v.done_on.empty() ? json() : json(v.done_on)},
          {"done_late", v.done_late},
          {"days_overdue", v.days_overdue},
          {"events", events}};
}

json to_json(const service::ItemFileView& v) {
  return {{"name", v.name},
          {"content_type", v.content_type},
          {"size", v.size},
          {"uploaded_at", v.uploaded_at},
          {"uploaded_by", v.uploaded_by}};
}

json to_json(const service::ConferenceView& v) {
  json sites = json::array();
  for (const auto& s : v.sites) {
    sites.push_back({{"number", s.number},
                     {"mode", s.mode},
                     {"mode_vi", s.mode_vi},
                     {"name", s.name},
                     {"address", s.address},
                     {"link", s.link},
                     {"host", s.host_org_code},
                     {"host_name", s.host_org_name},
                     {"present", s.present},
                     {"late", s.late},
                     {"absent", s.absent}});
  }
  json participants = json::array();
  for (const auto& p : v.participants) {
    participants.push_back({{"id", p.id},
                            {"kind", p.kind},
                            {"member", p.member_code},
                            {"name", p.name},
                            {"title", p.title},
                            {"organization", p.organization},
                            {"invited_via", p.invited_via},
                            {"site", p.site == 0 ? json() : json(p.site)},
                            {"attendance", p.attendance},
                            {"attendance_vi", p.attendance_vi},
                            {"reason", p.reason}});
  }
  json items = json::array();
  for (const auto& i : v.items) {
    items.push_back({{"seq", i.seq},
                     {"kind", i.kind},
                     {"kind_vi", i.kind_vi},
                     {"title", i.title},
                     {"speaker", i.speaker},
                     {"speaker_title", i.speaker_title},
                     {"speaker_org", i.speaker_org},
                     {"file", i.file_name},
                     {"summary", i.summary},
                     {"attachment", i.attachment ? to_json(*i.attachment) : json()}});
  }
  json decisions = json::array();
  for (const auto& d : v.decisions) decisions.push_back(decision_json(d));
  json tasks = json::array();
  for (const auto& t : v.tasks) tasks.push_back(to_json(t));
  json report = v.report_org_code.empty() ? json()
                                          : json{{"org", v.report_org_code},
                                                 {"org_name", v.report_org_name},
                                                 {"period", v.report_period},
                                                 {"period_label", v.report_period_label}};
  json j = to_json(v.head);
  j["as_of"] = v.as_of;
  j["chair"] = v.chair;
  j["secretary"] = v.secretary;
  j["report"] = report;
  j["sites"] = sites;
  j["participants"] = participants;
  j["guests"] = v.guests;
  j["unrecorded"] = v.unrecorded;
  j["quorum"] = {{"invited", v.quorum.invited},     {"present", v.quorum.present},
                 {"required", v.quorum.required},   {"reached", v.quorum.reached},
                 {"numerator", v.quorum.numerator}, {"denominator", v.quorum.denominator},
                 {"more_than", v.quorum.more_than}};
  j["items"] = items;
  j["conclusion"] = v.conclusion;
  j["decisions"] = decisions;
  j["tasks"] = tasks;
  return j;
}

json to_json(const service::PrepareNextView& v) {
  json tasks = json::array();
  for (const auto& t : v.tasks) tasks.push_back(to_json(t));
  return {
      {"org", v.org_code},
      {"org_name", v.org_name},
      {"as_of", v.as_of},
      {"previous", v.previous ? to_json(*v.previous) : json()},
      {"rotation", v.rotation ? decision_json(*v.rotation) : json()},
      {"tasks", tasks},
      {"counts",
       {{"open", v.open}, {"done", v.done}, {"overdue", v.overdue}, {"cancelled", v.cancelled}}}};
}

json to_json(const service::InviteResultView& v) {
  return {{"added", v.added}, {"already", v.already}};
}

}  // namespace dangvu::api

#include "core/org_history.h"

#include <algorithm>

namespace dangvu {
namespace {

std::string quoted(const std::string& code) { return "«" + code + "»"; }

}  // namespace

void OrgHistory::add_org(OrgId id, std::string code) { codes_[id] = std::move(code); }

void OrgHistory::add_version(OrgVersion v) {
  change_dates_.insert(v.valid_from);
  if (v.valid_to != Date::max()) change_dates_.insert(v.valid_to);
  if (v.parent) children_index_[*v.parent].insert(v.org);
  auto& list = versions_[v.org];
  list.push_back(std::move(v));
  std::stable_sort(list.begin(), list.end(), [](const OrgVersion& a, const OrgVersion& b) {
    return a.valid_from < b.valid_from;
  });
  note_if_ended(list.back().org);
}

void OrgHistory::note_if_ended(OrgId id) {
  const OrgVersion* last = latest(id);
  if (last != nullptr && last->valid_to != Date::max()) {
    ended_.insert(id);
  } else {
    ended_.erase(id);
  }
}

std::vector<OrgId> OrgHistory::org_ids() const {
  std::vector<OrgId> out;
  out.reserve(codes_.size());
  for (const auto& [id, code] : codes_) out.push_back(id);
  return out;
}

const std::string& OrgHistory::code(OrgId id) const {
  static const std::string unknown = "?";
  auto it = codes_.find(id);
  return it == codes_.end() ? unknown : it->second;
}

const OrgVersion* OrgHistory::version_at(OrgId id, Date d) const {
  auto it = versions_.find(id);
  if (it == versions_.end()) return nullptr;
  for (const auto& v : it->second) {
    if (v.valid_at(d)) return &v;
  }
  return nullptr;
}

const OrgVersion* OrgHistory::latest(OrgId id) const {
  auto it = versions_.find(id);
  if (it == versions_.end() || it->second.empty()) return nullptr;
  return &it->second.back();
}

const OrgVersion* OrgHistory::earliest(OrgId id) const {
  auto it = versions_.find(id);
  if (it == versions_.end() || it->second.empty()) return nullptr;
  return &it->second.front();
}

std::vector<OrgVersion> OrgHistory::all_versions() const {
  std::vector<OrgVersion> out;
  for (const auto& [id, list] : versions_) out.insert(out.end(), list.begin(), list.end());
  return out;
}

OrgTree OrgHistory::tree_as_of(Date d) const {
  std::vector<OrgVersion> valid;
  for (const auto& [id, list] : versions_) {
    for (const auto& v : list) {
      if (v.valid_at(d)) valid.push_back(v);
    }
  }
  return OrgTree::build(valid, d);
}

Status OrgHistory::require_changeable(OrgId id, Date date, const char* field) const {
  const OrgVersion* last = latest(id);
  const OrgVersion* at = version_at(id, date);
  if (last == nullptr || at == nullptr) {
    return Error::refused(field, "org.exists_on_date",
                          "Trường «" + std::string(field) + "»: tổ chức " + quoted(code(id)) +
                              " không tồn tại vào ngày " + date.vi() + ".",
                          "org " + code(id) + " does not exist on " + date.iso());
  }
  if (last->valid_to != Date::max()) {
    return Error::refused(field, "org.ended",
                          "Trường «" + std::string(field) + "»: tổ chức " + quoted(code(id)) +
                              " đã chấm dứt hoạt động từ ngày " + last->valid_to.vi() +
                              "; không thể ghi thay đổi.",
                          "org " + code(id) + " ended on " + last->valid_to.iso());
  }
  if (last->valid_from > date) {
    return Error::refused(
        "date", "org.history_order",
        "Trường «date»: tổ chức " + quoted(code(id)) + " đã có thay đổi từ ngày " +
            last->valid_from.vi() + "; không thể ghi thay đổi vào ngày sớm hơn (" + date.vi() +
            ").",
        "org " + code(id) + " has a change on " + last->valid_from.iso() + ", after " + date.iso());
  }
  return {};
}

bool OrgHistory::is_ancestor_at(OrgId ancestor, OrgId node, Date date) const {
  std::optional<OrgId> cur = node;
  for (int guard = 0; cur && guard < 10000; ++guard) {
    if (*cur == ancestor) return true;
    const OrgVersion* v = version_at(*cur, date);
    cur = v ? v->parent : std::nullopt;
  }
  return false;
}

bool OrgHistory::is_ancestor_from(OrgId ancestor, OrgId node, Date date) const {
  if (is_ancestor_at(ancestor, node, date)) return true;
  for (auto it = change_dates_.upper_bound(date); it != change_dates_.end(); ++it) {
    if (is_ancestor_at(ancestor, node, *it)) return true;
  }
  return false;
}

Status OrgHistory::require_parent(std::optional<OrgId> parent, OrgKind kind, Date date,
                                  const RuleSet& rules, const std::string& child_code,
                                  const char* field) const {
  if (!parent) {
    if (!rules.parent_allowed(kind, nullptr)) {
      return Error::refused(field, "org.allowed_parents",
                            "Trường «" + std::string(field) + "»: " + std::string(label_vi(kind)) +
                                " phải có tổ chức cấp trên.",
                            "a " + std::string(to_string(kind)) + " needs a parent");
    }
    return {};
  }
  const OrgVersion* pv = version_at(*parent, date);
  const OrgVersion* plast = latest(*parent);
  if (pv == nullptr || plast == nullptr || plast->valid_to != Date::max()) {
    return Error::refused(field, "org.parent_exists",
                          "Trường «" + std::string(field) + "»: tổ chức cấp trên " +
                              quoted(code(*parent)) + " không tồn tại từ ngày " + date.vi() +
                              " trở đi.",
                          "parent " + code(*parent) + " does not exist from " + date.iso());
  }
  if (!rules.parent_allowed(kind, &plast->kind)) {
    return Error::refused(field, "org.allowed_parents",
                          "Trường «" + std::string(field) + "»: " + std::string(label_vi(kind)) +
                              " " + quoted(child_code) + " không thể trực thuộc " +
                              std::string(label_vi(plast->kind)) + " " + quoted(code(*parent)) +
                              " (quy tắc loại tổ chức cấp trên).",
                          "a " + std::string(to_string(kind)) + " may not sit under a " +
                              std::string(to_string(plast->kind)));
  }
  return {};
}

// A child that moves with its parent must have nothing recorded after the date: neither a
// version that starts later nor an end (a later move away, rename or dissolution) of the version
// that holds on the date. Otherwise the operation would rewrite that later history.
Status OrgHistory::require_child_unchanged_after(const OrgVersion& child, Date date) const {
  if (child.valid_from <= date && child.valid_to == Date::max()) return {};
  const Date changed = child.valid_from > date ? child.valid_from : child.valid_to;
  return Error::refused("date", "org.history_order",
                        "Trường «date»: tổ chức trực thuộc " + quoted(code(child.org)) +
                            " đã có thay đổi từ ngày " + changed.vi() + ".",
                        "a child has a later change");
}

std::vector<const OrgVersion*> OrgHistory::children_from(OrgId id, Date date) const {
  std::vector<const OrgVersion*> out;
  auto idx = children_index_.find(id);
  if (idx == children_index_.end()) return out;
  for (OrgId org : idx->second) {
    for (const auto& v : versions_.at(org)) {
      if (v.parent == id && v.valid_to > date) out.push_back(&v);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const OrgVersion* a, const OrgVersion* b) { return a->org < b->org; });
  return out;
}

Result<OrgChange> OrgHistory::plan_create(const NewOrg& org, Date date,
                                          const RuleSet& rules) const {
  if (!org.kind) {
    return Error::invalid("kind", "Trường «kind»: chưa chọn loại tổ chức.", "kind is required");
  }
  DANGVU_TRY(require_parent(org.parent, *org.kind, date, rules, org.code, "parent"));
  OrgChange change;
  change.date = date;
  change.opens.push_back(
      OrgVersion{org.id, date, Date::max(), org.parent, org.name, *org.kind, {}});
  return change;
}

Result<OrgChange> OrgHistory::plan_rename(OrgId id, const std::string& name, Date date) const {
  DANGVU_TRY(require_changeable(id, date, "org"));
  const OrgVersion* cur = latest(id);
  if (cur->name == name) {
    return Error::refused(
        "name", "org.rename_changes",
        "Trường «name»: tên mới trùng với tên hiện tại của tổ chức " + quoted(code(id)) + ".",
        "new name equals the current name");
  }
  OrgChange change;
  change.date = date;
  change.closes.push_back({id, cur->valid_from, {}});
  OrgVersion next = *cur;
  next.valid_from = date;
  next.name = name;
  change.opens.push_back(next);
  return change;
}

Result<OrgChange> OrgHistory::plan_move(OrgId id, std::optional<OrgId> new_parent, Date date,
                                        const RuleSet& rules) const {
  DANGVU_TRY(require_changeable(id, date, "org"));
  const OrgVersion* cur = latest(id);
  if (cur->parent == new_parent) {
    return Error::refused(
        "parent", "org.move_changes",
        "Trường «parent»: tổ chức " + quoted(code(id)) + " đã trực thuộc tổ chức cấp trên này.",
        "org already sits under that parent");
  }
  if (new_parent && is_ancestor_from(id, *new_parent, date)) {
    return Error::refused("parent", "org.no_cycles",
                          "Trường «parent»: không thể chuyển tổ chức " + quoted(code(id)) +
                              " vào dưới chính nó hoặc tổ chức trực thuộc của nó (" +
                              quoted(code(*new_parent)) + ").",
                          "moving an org under itself or its descendant would make a cycle");
  }
  DANGVU_TRY(require_parent(new_parent, cur->kind, date, rules, code(id), "parent"));
  OrgChange change;
  change.date = date;
  change.closes.push_back({id, cur->valid_from, {}});
  OrgVersion next = *cur;
  next.valid_from = date;
  next.parent = new_parent;
  change.opens.push_back(next);
  return change;
}

Result<OrgChange> OrgHistory::plan_merge(const std::vector<OrgId>& sources,
                                         std::optional<OrgId> target,
                                         const std::optional<NewOrg>& new_target, Date date,
                                         const RuleSet& rules,
                                         const std::set<OrgId>& with_members) const {
  const bool is_new = new_target.has_value();
  const std::size_t min_sources = is_new ? 2 : 1;
  if (sources.size() < min_sources) {
    return Error::invalid("from",
                          is_new
                              ? "Trường «from»: hợp nhất thành tổ chức mới cần ít nhất hai tổ chức."
                              : "Trường «from»: cần ít nhất một tổ chức để sáp nhập.",
                          "merge needs more sources");
  }
  std::set<OrgId> seen;
  for (OrgId s : sources) {
    if (!seen.insert(s).second) {
      return Error::invalid("from",
                            "Trường «from»: tổ chức " + quoted(code(s)) + " được nêu hai lần.",
                            "duplicate source " + code(s));
    }
    if (target && *target == s) {
      return Error::refused(
          "into", "org.merge_not_self",
          "Trường «into»: không thể sáp nhập tổ chức " + quoted(code(s)) + " vào chính nó.",
          "cannot merge an org into itself");
    }
    DANGVU_TRY(require_changeable(s, date, "from"));
  }
  // A source below another source would be both moved under the target and merged into it.
  for (OrgId s : sources) {
    for (OrgId other : sources) {
      if (other != s && is_ancestor_at(other, s, date)) {
        return Error::refused("from", "org.merge_nested",
                              "Trường «from»: " + quoted(code(s)) + " trực thuộc " +
                                  quoted(code(other)) +
                                  "; chỉ nêu tổ chức cấp trên, các tổ chức "
                                  "trực thuộc sẽ chuyển theo.",
                              "a source is below another source");
      }
    }
  }
  OrgChange change;
  change.date = date;
  OrgId target_id = 0;
  OrgKind target_kind = OrgKind::grassroots_branch;
  if (is_new) {
    const OrgVersion* first = latest(sources.front());
    NewOrg t = *new_target;
    if (!t.kind) t.kind = first->kind;
    if (!t.parent_given) t.parent = first->parent;
    for (OrgId s : sources) {
      if (t.parent && is_ancestor_from(s, *t.parent, date)) {
        return Error::refused("parent", "org.no_cycles",
                              "Trường «parent»: tổ chức mới không thể trực thuộc tổ chức " +
                                  quoted(code(s)) + " đang bị hợp nhất.",
                              "new target would sit under a merged source");
      }
    }
    DANGVU_TRY(require_parent(t.parent, *t.kind, date, rules, t.code, "parent"));
    change.opens.push_back(OrgVersion{t.id, date, Date::max(), t.parent, t.name, *t.kind, {}});
    target_id = t.id;
    target_kind = *t.kind;
  } else {
    if (!target) {
      return Error::invalid("into", "Trường «into»: chưa nêu tổ chức nhận sáp nhập.", "no target");
    }
    const OrgVersion* tv = version_at(*target, date);
    const OrgVersion* tl = latest(*target);
    if (tv == nullptr || tl == nullptr || tl->valid_to != Date::max()) {
      return Error::refused("into", "org.exists_on_date",
                            "Trường «into»: tổ chức " + quoted(code(*target)) +
                                " không tồn tại từ ngày " + date.vi() + " trở đi.",
                            "target does not exist from the date");
    }
    for (OrgId s : sources) {
      if (is_ancestor_from(s, *target, date)) {
        return Error::refused("into", "org.no_cycles",
                              "Trường «into»: không thể sáp nhập tổ chức " + quoted(code(s)) +
                                  " vào tổ chức trực thuộc của nó (" + quoted(code(*target)) + ").",
                              "cannot merge an org into its own descendant");
      }
    }
    target_id = *target;
    target_kind = tl->kind;
  }
  for (OrgId s : sources) {
    const OrgVersion* sv = latest(s);
    for (const OrgVersion* child : children_from(s, date)) {
      DANGVU_TRY(require_child_unchanged_after(*child, date));
      if (!rules.parent_allowed(child->kind, &target_kind)) {
        return Error::refused("into", "org.allowed_parents",
                              "Trường «into»: " + std::string(label_vi(child->kind)) + " " +
                                  quoted(code(child->org)) + " không thể trực thuộc " +
                                  std::string(label_vi(target_kind)) +
                                  " (quy tắc loại tổ chức cấp trên).",
                              "a child's kind may not sit under the target's kind");
      }
      change.closes.push_back({child->org, child->valid_from, {}});
      OrgVersion moved = *child;
      moved.valid_from = date;
      moved.parent = target_id;
      change.opens.push_back(moved);
    }
    if (with_members.count(s) > 0) {
      if (!rules.holds_members(target_kind)) {
        return Error::refused("into", "org.member_org_kinds",
                              "Trường «into»: tổ chức " + quoted(code(s)) + " có đảng viên nhưng " +
                                  std::string(label_vi(target_kind)) +
                                  " không trực tiếp quản lý đảng viên.",
                              "members cannot follow into a target of this kind");
      }
      change.member_moves.push_back({s, target_id});
    }
    change.closes.push_back({s, sv->valid_from, target_id});
  }
  return change;
}

Result<OrgChange> OrgHistory::plan_split(OrgId source, const std::vector<NewOrg>& parts,
                                         const std::map<OrgId, OrgId>& assign,
                                         std::optional<OrgId> members_to, Date date,
                                         const RuleSet& rules,
                                         const std::set<OrgId>& with_members) const {
  DANGVU_TRY(require_changeable(source, date, "org"));
  if (parts.size() < 2) {
    return Error::invalid("into", "Trường «into»: chia tách cần ít nhất hai tổ chức mới.",
                          "split needs at least two parts");
  }
  const OrgVersion* sv = latest(source);
  OrgChange change;
  change.date = date;
  std::map<OrgId, OrgKind> part_kind;
  for (const NewOrg& p : parts) {
    OrgKind kind = p.kind.value_or(sv->kind);
    std::optional<OrgId> parent = p.parent_given ? p.parent : sv->parent;
    if (parent && is_ancestor_from(source, *parent, date)) {
      return Error::refused(
          "parent", "org.no_cycles",
          "Trường «parent»: tổ chức mới không thể trực thuộc tổ chức đang bị chia tách.",
          "a part would sit under the split source");
    }
    DANGVU_TRY(require_parent(parent, kind, date, rules, p.code, "parent"));
    change.opens.push_back(OrgVersion{p.id, date, Date::max(), parent, p.name, kind, {}});
    part_kind[p.id] = kind;
  }
  for (const auto& [child, part] : assign) {
    if (part_kind.count(part) == 0) {
      return Error::invalid(
          "assign",
          "Trường «assign»: " + quoted(code(part)) + " không phải là tổ chức mới được tách ra.",
          "assignment names an org that is not a part");
    }
    const OrgVersion* cv = version_at(child, date);
    if (cv == nullptr || cv->parent != source) {
      return Error::invalid(
          "assign",
          "Trường «assign»: " + quoted(code(child)) + " không trực thuộc tổ chức bị chia tách.",
          "assignment names an org that is not a child of the source");
    }
  }
  OrgId first = parts.front().id;
  for (const OrgVersion* child : children_from(source, date)) {
    DANGVU_TRY(require_child_unchanged_after(*child, date));
    auto it = assign.find(child->org);
    OrgId part = it == assign.end() ? first : it->second;
    if (!rules.parent_allowed(child->kind, &part_kind[part])) {
      return Error::refused("assign", "org.allowed_parents",
                            "Trường «assign»: " + std::string(label_vi(child->kind)) + " " +
                                quoted(code(child->org)) + " không thể trực thuộc " +
                                std::string(label_vi(part_kind[part])) + ".",
                            "a child's kind may not sit under its part's kind");
    }
    change.closes.push_back({child->org, child->valid_from, {}});
    OrgVersion moved = *child;
    moved.valid_from = date;
    moved.parent = part;
    change.opens.push_back(moved);
  }
  if (with_members.count(source) > 0) {
    OrgId to = members_to.value_or(first);
    if (part_kind.count(to) == 0 || !rules.holds_members(part_kind[to])) {
      return Error::refused("members_to", "org.member_org_kinds",
                            "Trường «members_to»: đảng viên của tổ chức bị chia tách phải chuyển "
                            "đến một chi bộ mới được tách ra.",
                            "members must go to a part that holds members");
    }
    change.member_moves.push_back({source, to});
  }
  change.closes.push_back({source, sv->valid_from, first});
  return change;
}

Result<OrgChange> OrgHistory::plan_dissolve(OrgId id, Date date,
                                            const std::set<OrgId>& with_members) const {
  DANGVU_TRY(require_changeable(id, date, "org"));
  auto children = children_from(id, date);
  if (!children.empty()) {
    return Error::refused("org", "org.dissolve_empty",
                          "Trường «org»: tổ chức " + quoted(code(id)) + " còn " +
                              std::to_string(children.size()) +
                              " tổ chức trực thuộc; hãy chuyển hoặc giải thể chúng trước.",
                          "org still has children");
  }
  if (with_members.count(id) > 0) {
    return Error::refused("org", "org.dissolve_empty",
                          "Trường «org»: tổ chức " + quoted(code(id)) +
                              " còn đảng viên sinh hoạt; hãy chuyển sinh hoạt đảng cho họ trước.",
                          "org still has members");
  }
  OrgChange change;
  change.date = date;
  change.closes.push_back({id, latest(id)->valid_from, {}});
  return change;
}

void OrgHistory::replace_orgs(const OrgHistory& part) {
  for (const auto& [id, code] : part.codes_) {
    codes_[id] = code;
    versions_.erase(id);
    if (auto it = part.versions_.find(id); it != part.versions_.end()) {
      for (const auto& v : it->second) add_version(v);
    }
    note_if_ended(id);
  }
}

void OrgHistory::apply(const OrgChange& change) {
  for (const auto& c : change.closes) {
    for (auto& v : versions_[c.org]) {
      if (v.valid_from == c.valid_from && v.valid_to == Date::max()) {
        v.valid_to = change.date;
        v.successor = c.successor;
        break;
      }
    }
    note_if_ended(c.org);
    change_dates_.insert(change.date);
  }
  for (const auto& v : change.opens) add_version(v);
}

}  // namespace dangvu

#include "figures/engine.h"

#include "core/rollup.h"

namespace dangvu::figures {
namespace {

constexpr std::size_t kTrees = 32;
// Every org's stocks: a few dates are enough (today, the ends of the periods being reported on).
constexpr std::size_t kEveryOrgDates = 8;
// Subtrees read by naming their orgs (the offices of provinces, districts, grassroots committees
// each looking at their own) before every org's figures are kept for that date: small entries.
constexpr std::size_t kSubtrees = 256;

// A kept value about to change: changed in place when no reader holds it, else copied first
// (readers hold a shared_ptr to what they were given; they can only get a new one under the
// engine's mutex, which the caller holds).
template <typename T>
T& writable(std::shared_ptr<T>& kept) {
  if (kept.use_count() > 1) kept = std::make_shared<T>(*kept);
  return *kept;
}

}  // namespace

Engine::Engine() : trees_(kTrees), every_org_(kEveryOrgDates), subtrees_(kSubtrees) {}

Engine::Counters Engine::counters() {
  std::lock_guard lock(mutex_);
  return counters_;
}

void Engine::clear() {
  std::lock_guard lock(mutex_);
  history_.reset();
  trees_.clear();
  every_org_.clear();
  subtrees_.clear();
  counters_.org_revision = counters_.member_revision = -1;
}

Status Engine::sync(store::Store& store) {
  auto revisions = store.data_revisions();
  if (!revisions.ok()) return revisions.error();
  const auto [org_revision, member_revision] = *revisions;
  if (!history_) {
    auto loaded = store.load_org_history();
    if (!loaded.ok()) return loaded.error();
    history_ = std::make_shared<OrgHistory>(std::move(*loaded));
    ++counters_.histories_loaded;
    stale_read_ = false;
    trees_.clear();
    subtrees_.clear();
    every_org_.clear();
    counters_.org_revision = org_revision;
    counters_.member_revision = member_revision;
    return {};
  }
  // A store behind what is kept (a replica that has not caught up): what is kept is newer and
  // stays; what is read from this store is not kept (stale_read_).
  stale_read_ =
      org_revision < counters_.org_revision || member_revision < counters_.member_revision;
  if (stale_read_) return {};
  if (org_revision != counters_.org_revision) {
    auto changes = store.figure_changes("org", counters_.org_revision, org_revision);
    if (!changes.ok()) return changes.error();
    if (changes->complete) {
      auto part = store.load_orgs(changes->orgs);
      if (!part.ok()) return part.error();
      writable(history_).replace_orgs(*part);
    } else {
      auto loaded = store.load_org_history();
      if (!loaded.ok()) return loaded.error();
      history_ = std::make_shared<OrgHistory>(std::move(*loaded));
      ++counters_.histories_loaded;
    }
    // Trees are built again from the history in memory; the subtrees read by naming their orgs
    // may name other orgs now. Every org's stocks do not depend on the tree.
    trees_.clear();
    subtrees_.clear();
    counters_.org_revision = org_revision;
  }
  if (member_revision != counters_.member_revision) {
    auto changes = store.figure_changes("member", counters_.member_revision, member_revision);
    if (!changes.ok()) return changes.error();
    if (changes->complete) {
      auto apply = [&](const StocksKey&, std::shared_ptr<MemberStocks>& kept) {
        writable(kept).apply(*changes);
      };
      every_org_.for_each(apply);
      subtrees_.for_each(apply);
      counters_.changes_applied +=
          static_cast<std::int64_t>(changes->periods.size() + changes->milestones.size());
    } else {
      every_org_.clear();
      subtrees_.clear();
    }
    counters_.member_revision = member_revision;
  }
  return {};
}

bool Engine::current(const std::pair<std::int64_t, std::int64_t>& revisions) const {
  return history_ && !stale_read_ && revisions.first == counters_.org_revision &&
         revisions.second == counters_.member_revision;
}

Result<std::shared_ptr<const OrgHistory>> Engine::history(store::Store& store) {
  if (store.in_write_transaction()) {
    // The kept history when it is the one this transaction sees (no org written since it was
    // read: the revision read inside the transaction is the kept one, and this transaction has
    // changed no org yet); else read in the transaction.
    auto revisions = store.data_revisions();
    if (!revisions.ok()) return revisions.error();
    if (!store.org_changed_in_transaction()) {
      std::lock_guard lock(mutex_);
      if (history_ && !stale_read_ && revisions->first == counters_.org_revision) {
        return std::shared_ptr<const OrgHistory>(history_);
      }
    }
    auto loaded = store.load_org_history();
    if (!loaded.ok()) return loaded.error();
    return std::make_shared<const OrgHistory>(std::move(*loaded));
  }
  // One read of the revisions, outside the lock: when nothing was written since, what is kept
  // is the answer (most requests); else the log is applied under the lock.
  auto revisions = store.data_revisions();
  if (!revisions.ok()) return revisions.error();
  std::lock_guard lock(mutex_);
  if (!current(*revisions)) DANGVU_TRY(store.read_snapshot([&] { return sync(store); }));
  return std::shared_ptr<const OrgHistory>(history_);
}

Result<std::shared_ptr<const TreeAt>> Engine::tree(store::Store& store, Date at) {
  if (store.in_write_transaction()) {
    auto h = history(store);
    if (!h.ok()) return h.error();
    return std::make_shared<const TreeAt>(TreeAt{(*h)->tree_as_of(at), *h});
  }
  auto revisions = store.data_revisions();
  if (!revisions.ok()) return revisions.error();
  std::lock_guard lock(mutex_);
  if (!current(*revisions)) DANGVU_TRY(store.read_snapshot([&] { return sync(store); }));
  if (auto* hit = trees_.find(at)) return std::shared_ptr<const TreeAt>(*hit);
  auto built = std::make_shared<TreeAt>(TreeAt{history_->tree_as_of(at), history_});
  trees_.put(at, built);
  return std::shared_ptr<const TreeAt>(built);
}

Result<std::shared_ptr<const MemberStocks>> Engine::stocks(
    store::Store& store, const RuleSet& rules, Date at, OrgId root,
    const std::function<store::OrgFilter()>& orgs_of) {
  if (store.in_write_transaction()) {
    auto read = MemberStocks::read(store, at, rules, orgs_of());
    if (!read.ok()) return read.error();
    return std::make_shared<const MemberStocks>(std::move(*read));
  }
  const StockRules stock_rules = StockRules::of(rules);
  auto revisions = store.data_revisions();
  if (!revisions.ok()) return revisions.error();
  std::lock_guard lock(mutex_);
  if (current(*revisions)) {
    if (auto* every = every_org_.find({at, stock_rules, std::nullopt})) return {*every};
    if (auto* subtree = subtrees_.find({at, stock_rules, root})) return {*subtree};
  }
  std::shared_ptr<const MemberStocks> out;
  DANGVU_TRY(store.read_snapshot([&]() -> Status {
    DANGVU_TRY(sync(store));
    if (auto* every = every_org_.find({at, stock_rules, std::nullopt})) {
      out = *every;
      return {};
    }
    if (auto* subtree = subtrees_.find({at, stock_rules, root})) {
      out = *subtree;
      return {};
    }
    const store::OrgFilter orgs = orgs_of();
    auto read = MemberStocks::read(store, at, rules, orgs);
    if (!read.ok()) return read.error();
    ++counters_.stocks_read;
    auto kept = std::make_shared<MemberStocks>(std::move(*read));
    if (stale_read_) {
      out = kept;
    } else if (orgs) {
      subtrees_.put({at, stock_rules, root}, kept);
    } else {
      every_org_.put({at, stock_rules, std::nullopt}, kept);
    }
    out = kept;
    return {};
  }));
  return out;
}

Facts own_facts(const OrgTree::Node& node, const OrgStock* own, const OrgStock* moved,
                const RuleSet& rules) {
  Facts f;
  for (const OrgStock* s : {own, moved}) {
    if (s == nullptr) continue;
    f[Fact::members_official] += static_cast<double>(s->official);
    f[Fact::members_probationary] += static_cast<double>(s->probationary);
    f[Fact::candidates] += static_cast<double>(s->candidates);
    f[Fact::probation_overdue] += static_cast<double>(s->probation_overdue);
    f[Fact::admitted] += static_cast<double>(s->admitted);
    f[Fact::recognized] += static_cast<double>(s->recognized);
  }
  if (node.kind == OrgKind::grassroots_committee) f[Fact::grassroots_committees] = 1;
  if (node.kind == OrgKind::grassroots_branch) f[Fact::grassroots_branches] = 1;
  if (node.kind == OrgKind::sub_branch) f[Fact::sub_branches] = 1;
  if (rules.holds_members(node.kind)) {
    f[Fact::branches] = 1;
    if (f[Fact::members_official] < rules.branch_min_official_members) {
      f[Fact::branches_below_minimum] = 1;
    }
  }
  return f;
}

std::unordered_map<OrgId, OrgStock> moved_flows(const OrgHistory& history,
                                                const MemberStocks& stocks) {
  std::unordered_map<OrgId, OrgStock> out;
  for (OrgId ended : history.ended_orgs()) {
    if (history.version_at(ended, stocks.at()) != nullptr) continue;  // still stood on the date
    const OrgStock* s = stocks.find(ended);
    if (s == nullptr || (s->admitted == 0 && s->recognized == 0)) continue;
    auto to = resolve_org_at(history, ended, stocks.at());
    if (!to) continue;
    out[*to].admitted += s->admitted;
    out[*to].recognized += s->recognized;
  }
  return out;
}

Facts subtree_facts(const OrgTree& tree, OrgId root, const OrgHistory& history,
                    const MemberStocks& stocks, const RuleSet& rules,
                    std::unordered_map<OrgId, Facts>* per_org) {
  const auto moved = moved_flows(history, stocks);
  Facts total;
  for (OrgId id : tree.subtree(root)) {
    const auto* node = tree.find(id);
    auto m = moved.find(id);
    const Facts f =
        own_facts(*node, stocks.find(id), m == moved.end() ? nullptr : &m->second, rules);
    total += f;
    if (per_org != nullptr) (*per_org)[id] = f;
  }
  return total;
}

}  // namespace dangvu::figures

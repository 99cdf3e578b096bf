#include "store/statistics_store.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "store/store_impl.h"

namespace dangvu::store {

// Profiles taken from a statement's rows: the first `size` of `members` and `texts` (a batch given
// back keeps its strings, whose room the next rows reuse); with the dues report's scan, each
// member's dues digest beside its profile.
struct ProfileBatch {
  std::vector<long long> members;
  std::vector<std::string> texts;
  std::vector<DuesDigest> dues;
  std::size_t size = 0;
};

namespace {

// Small enough that counting starts soon after the first rows come; large enough that passing
// them on costs nothing.
constexpr std::size_t kRowsPerBatch = 4096;

// Passes batches from the thread that reads the database to the thread that counts, holding at
// most two, and the spent ones back to be filled again, so the database's work (PostgreSQL's scan
// and sending, SQLite's reading) overlaps the parsing and counting on another core instead of
// waiting for it.
class ProfileHandoff {
 public:
  // False once the counting side has stopped (the reader then stops too).
  bool put(ProfileBatch&& batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || ready_.size() < 2; });
    if (stopped_) return false;
    ready_.push_back(std::move(batch));
    filled_.notify_one();
    return true;
  }
  // The next batch; none when the reader has finished and every batch was taken.
  std::optional<ProfileBatch> take() {
    std::unique_lock lock(mutex_);
    filled_.wait(lock, [&] { return finished_ || !ready_.empty(); });
    if (ready_.empty()) return std::nullopt;
    ProfileBatch batch = std::move(ready_.front());
    ready_.pop_front();
    room_.notify_one();
    return batch;
  }
  // A spent batch to fill again (its room kept), or an empty one.
  ProfileBatch spent() {
    std::lock_guard lock(mutex_);
    if (spent_.empty()) return {};
    ProfileBatch batch = std::move(spent_.back());
    spent_.pop_back();
    batch.size = 0;
    return batch;
  }
  void give_back(ProfileBatch&& batch) {
    std::lock_guard lock(mutex_);
    spent_.push_back(std::move(batch));
  }
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    filled_.notify_one();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_, filled_;
  std::deque<ProfileBatch> ready_;
  std::vector<ProfileBatch> spent_;
  bool finished_ = false, stopped_ = false;
};

// Reads the profiles the statistics ask for (see each_profile), handing them on a batch at a
// time; stops early when `put` answers false.
void read_profiles(Store::Impl& impl, const OrgFilter& orgs, Date admitted_from, Date admitted_to,
                   long long per_read, const std::function<bool(ProfileBatch&&)>& put,
                   const std::function<ProfileBatch()>& spent,
                   const std::function<void(ProfileBatch&)>& attach) {
  auto& sql = impl.sql;
  long long member = 0, after = 0, rows = 0;
  std::string text;
  ProfileBatch batch;
  bool more = true;
  auto flush = [&] {
    if (batch.size > 0) {
      if (attach) attach(batch);
      more = put(std::move(batch));
    }
    batch = spent();
  };
  // Reads one statement's rows; false once the counting side has stopped.
  auto read = [&](soci::statement& st) {
    st.execute();
    while (more && st.fetch()) {
      ++rows;
      after = member;
      if (batch.size == batch.texts.size()) {
        batch.members.emplace_back();
        batch.texts.emplace_back();
      }
      // Swapped, not copied: the statement's next row goes into the room of a spent one.
      batch.members[batch.size] = member;
      batch.texts[batch.size].swap(text);
      if (++batch.size == kRowsPerBatch) flush();
    }
    return more;
  };
  if (orgs) {
    // Dates as literals: ISO digits and dashes only (Date::iso), nothing to escape.
    soci::statement st =
        (sql.prepare << "SELECT member_id, profile FROM member_profile WHERE member_id IN "
                        "(SELECT member_id FROM member_period WHERE 1 = 1" +
                            and_org_in("org_id", orgs) +
                            ") OR member_id IN (SELECT member_id FROM member_milestone WHERE "
                            "kind IN ('admission', 'readmission') AND on_date >= '" +
                            admitted_from.iso() + "' AND on_date <= '" + admitted_to.iso() + "')",
         soci::into(member), soci::into(text));
    read(st);
  } else if (impl.engine == Engine::postgresql) {
    // In the table's physical order, a range of pages at a time (a TID range scan): one
    // sequential read, where slices in id order jump about the table once upserts have moved
    // its rows (5.6 million profiles: 11 s instead of 33–41 s, bench/RESULTS.md). The
    // snapshot is taken by the first statement, so every row it sees lies below that size.
    long long pages = 0, first_page = 0, end_page = 0;
    sql << "SELECT pg_relation_size('member_profile') / current_setting('block_size')::bigint",
        soci::into(pages);
    const long long per_slice = std::max(1LL, per_read / 8);  // about 8 profiles to a page
    soci::statement slice =
        (sql.prepare << "SELECT member_id, profile FROM member_profile WHERE ctid >= ('(' || "
                        ":a || ',0)')::tid AND ctid < ('(' || :b || ',0)')::tid",
         soci::into(member), soci::into(text), soci::use(first_page), soci::use(end_page));
    for (; first_page <= pages && more; first_page += per_slice) {
      end_page = first_page + per_slice;
      read(slice);
    }
  } else {
    // Every member's, in id order (SQLite's rowid: the file's order), a slice at a time.
    soci::statement st =
        (sql.prepare << "SELECT member_id, profile FROM member_profile WHERE member_id > :a "
                        "ORDER BY member_id LIMIT :n",
         soci::into(member), soci::into(text), soci::use(after), soci::use(per_read));
    do {
      rows = 0;
    } while (read(st) && rows == per_read);
  }
  flush();
}

}  // namespace

Status StatisticsStore::each_profile(const OrgFilter& orgs, Date admitted_from, Date admitted_to,
                                     const std::function<void(const ProfileView&)>& each,
                                     long long per_read) {
  return scan(orgs, admitted_from, admitted_to, per_read, {},
              [&](const ProfileView& view, const ProfileBatch&, std::size_t) { each(view); });
}

Status StatisticsStore::each_profile_with_dues(
    const OrgFilter& orgs, const std::vector<int>& years,
    const std::function<void(const ProfileView&, const DuesDigest&)>& each, long long per_read) {
  std::string year_list = "0";
  for (int y : years) year_list += "," + std::to_string(y);
  auto& sql = store_.impl_->sql;
  // On the reading thread: the batch's members' digests. Their ids are mostly runs of
  // neighbours (profiles come in id order, or in the table's order, which follows it): each long
  // run is read as a range of the primary key, the ids between runs by a list, 1,000 at a time
  // (with a longer list PostgreSQL's planner scans the whole table: 105 ms for 4,096 members of a
  // province, against 4 ms for 1,000 by the key). The ids are integers of ours, written in.
  constexpr std::size_t kIdsPerQuery = 1000;
  constexpr long long kGap = 64;        // a run ends where the next id is further than this
  constexpr std::size_t kMinRun = 256;  // shorter runs go into the list
  std::vector<long long> sorted;
  const auto attach = [&](ProfileBatch& batch) {
    if (batch.dues.size() < batch.size) batch.dues.resize(batch.size);
    std::unordered_map<long long, std::size_t> at;
    at.reserve(batch.size);
    sorted.assign(batch.members.begin(),
                  batch.members.begin() + static_cast<std::ptrdiff_t>(batch.size));
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < batch.size; ++i) {
      batch.dues[i].records.clear();
      batch.dues[i].years.clear();
      at.emplace(batch.members[i], i);
    }
    long long member = 0;
    int year = 0;
    std::string text;
    const auto read = [&](const std::string& which) {
      soci::statement st =
          (sql.prepare << "SELECT member_id, year, digest FROM dues_digest WHERE " + which +
                              " AND year IN (" + year_list + ")",
           soci::into(member), soci::into(year), soci::into(text));
      st.execute();
      while (st.fetch()) {
        auto it = at.find(member);
        if (it == at.end()) continue;  // a member of the range not in this batch
        DuesDigest& d = batch.dues[it->second];
        if (year == 0) {
          d.records.swap(text);
        } else {
          d.years[year].swap(text);
        }
      }
    };
    std::vector<long long> loose;
    for (std::size_t first = 0; first < sorted.size();) {
      std::size_t last = first;
      while (last + 1 < sorted.size() && sorted[last + 1] - sorted[last] <= kGap) ++last;
      if (last - first + 1 >= kMinRun) {
        read("member_id >= " + std::to_string(sorted[first]) +
             " AND member_id <= " + std::to_string(sorted[last]));
      } else {
        loose.insert(loose.end(), sorted.begin() + static_cast<std::ptrdiff_t>(first),
                     sorted.begin() + static_cast<std::ptrdiff_t>(last + 1));
      }
      first = last + 1;
    }
    for (std::size_t from = 0; from < loose.size(); from += kIdsPerQuery) {
      std::string ids;
      for (std::size_t i = from; i < std::min(loose.size(), from + kIdsPerQuery); ++i) {
        ids += (i > from ? "," : "") + std::to_string(loose[i]);
      }
      read("member_id IN (" + ids + ")");
    }
  };
  // Nobody is admitted in an empty range.
  const Date day = Date::from_days(0);
  return scan(orgs, day, day.add_days(-1), per_read, attach,
              [&](const ProfileView& view, const ProfileBatch& batch, std::size_t i) {
                each(view, batch.dues[i]);
              });
}

Status StatisticsStore::scan(
    const OrgFilter& orgs, Date admitted_from, Date admitted_to, long long per_read,
    const std::function<void(ProfileBatch&)>& attach,
    const std::function<void(const ProfileView&, const ProfileBatch&, std::size_t)>& each) {
  auto& impl = *store_.impl_;
  return store_.read_snapshot([&]() -> Status {
    return guarded([&]() -> Status {
      // The reading thread uses the session alone until it is joined: this thread only counts.
      ProfileHandoff handoff;
      std::exception_ptr failed;
      std::thread reader([&] {
        try {
          read_profiles(
              impl, orgs, admitted_from, admitted_to, per_read,
              [&](ProfileBatch&& batch) { return handoff.put(std::move(batch)); },
              [&] { return handoff.spent(); }, attach);
        } catch (...) {
          failed = std::current_exception();
        }
        handoff.finish();
      });
      struct Join {
        ProfileHandoff& handoff;
        std::thread& reader;
        ~Join() {  // also when counting throws: the reader must not outlive its session
          handoff.stop();
          if (reader.joinable()) reader.join();
        }
      } join{handoff, reader};
      ProfileView view;
      std::optional<long long> unreadable;
      while (!unreadable) {
        auto batch = handoff.take();
        if (!batch) break;
        for (std::size_t i = 0; i < batch->size; ++i) {
          if (!parse_profile(batch->texts[i], view)) {
            unreadable = batch->members[i];
            break;
          }
          view.member = batch->members[i];
          each(view, *batch, i);
        }
        handoff.give_back(std::move(*batch));
      }
      handoff.stop();
      reader.join();
      if (failed) std::rethrow_exception(failed);
      if (unreadable) {
        const std::string id = std::to_string(*unreadable);
        return Error::io("Dữ liệu thống kê của một đảng viên (số nội bộ " + id +
                             ") không đọc được; hãy báo người quản trị.",
                         "member_profile " + id + " does not parse");
      }
      return {};
    });
  });
}

Result<std::vector<MemberId>> StatisticsStore::profiles_out_of_date() {
  return guarded([&]() -> Result<std::vector<MemberId>> {
    return member_profiles_out_of_date(*store_.impl_);
  });
}

}  // namespace dangvu::store

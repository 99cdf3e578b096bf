#pragma once
// Private to store/: an INSERT of several rows in one statement. A member's search keys, events,
// periods and milestones go in one statement per table rather than one per row: the statement's
// own cost (binding, opening and closing a cursor on the table and each of its indexes; on a
// server, a round trip) is paid once per member (bench/import_members.sh).
#include <soci/soci.h>

#include <array>
#include <cstddef>
#include <memory>
#include <string>

namespace dangvu::store {

// `Row` holds one row's values and says how to bind them:
//   static std::string placeholders(std::size_t i);  // "(:a3, :b3)" for the row in slot 3
//   void bind(soci::statement& st);                  // st.exchange(soci::use(a)), … in that order
// Fill rows(0..n-1), then insert(n). A statement per row count, prepared on first use.
template <typename Row>
class RowsInsert {
 public:
  static constexpr std::size_t kMaxRows = 8;

  // `tail` follows the rows (" ON CONFLICT DO NOTHING").
  RowsInsert(soci::session& sql, std::string head, std::string tail = "")
      : sql_(sql), head_(std::move(head)), tail_(std::move(tail)) {}
  // The statements hold the rows' addresses.
  RowsInsert(const RowsInsert&) = delete;
  RowsInsert& operator=(const RowsInsert&) = delete;

  Row& row(std::size_t i) { return rows_[i]; }

  // Inserts rows 0..n-1 (1 <= n <= kMaxRows).
  void insert(std::size_t n) {
    auto& st = prepared_[n - 1];
    if (!st) {
      std::string query = head_;
      for (std::size_t i = 0; i < n; ++i) query += (i ? ", " : "") + Row::placeholders(i);
      query += tail_;
      st = std::make_unique<soci::statement>(sql_);
      for (std::size_t i = 0; i < n; ++i) rows_[i].bind(*st);
      st->alloc();
      st->prepare(query);
      st->define_and_bind();
    }
    st->execute(true);
  }

  // Inserts every item of `items`, kMaxRows at a time; `fill(row, item)` sets a row's values.
  template <typename Items, typename Fill>
  void insert_all(const Items& items, Fill fill) {
    std::size_t n = 0;
    for (const auto& item : items) {
      fill(rows_[n], item);
      if (++n == kMaxRows) {
        insert(n);
        n = 0;
      }
    }
    if (n > 0) insert(n);
  }

 private:
  soci::session& sql_;
  std::string head_;
  std::string tail_;
  std::array<Row, kMaxRows> rows_{};
  std::array<std::unique_ptr<soci::statement>, kMaxRows> prepared_{};
};

}  // namespace dangvu::store

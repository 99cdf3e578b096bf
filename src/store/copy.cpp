// Copying a whole database to the other engine (dangvu migrate): every table in an order that
// keeps references valid, rows with their ids, in one transaction on the target; then the row
// count and a checksum of every table, read the same way from both sides.
#include <algorithm>
#include <cstdint>
#include <set>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <stdexcept>

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

// Every table of the schema, parents before children. A table the source has and this list lacks
// is refused: the copy must be complete or not happen.
const std::vector<std::string>& copy_order() {
  static const std::vector<std::string> order = {"schema_version",
                                                 "org",
                                                 "org_event",
                                                 "org_version",
                                                 "member",
                                                 "member_event",
                                                 "member_period",
                                                 "member_milestone",
                                                 "member_search",
                                                 "account",
                                                 "login_session",
                                                 "audit_log",
                                                 "party_document",
                                                 "plan_target",
                                                 "meeting",
                                                 "meeting_absence",
                                                 "oversight",
                                                 "study_session",
                                                 "study_attendance",
                                                 "conference",
                                                 "conference_site",
                                                 "conference_participant",
                                                 "conference_item",
                                                 "conference_decision",
                                                 "follow_up_task",
                                                 "follow_up_task_event",
                                                 "data_revision",
                                                 "issuer_profile",
                                                 "office_holder",
                                                 "figure_change",
                                                 "activity_cancellation",
                                                 "conference_item_file",
                                                 "dossier_record",
                                                 "dossier_span",
                                                 "member_profile",
                                                 "dues_record",
                                                 "dues_payment",
                                                 "dues_digest",
                                                 "dues_remittance",
                                                 "badge_record",
                                                 "rating_record",
                                                 "org_result_record"};
  return order;
}

std::vector<std::string> tables_of(soci::session& sql, Engine engine) {
  std::vector<std::string> out;
  std::string name;
  soci::statement st =
      engine == Engine::sqlite
          ? (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' ORDER BY name",
             soci::into(name))
          : (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE "
                            "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                            "ORDER BY table_name",
             soci::into(name));
  st.execute();
  while (st.fetch()) out.push_back(name);
  return out;
}

std::vector<std::string> columns_of(soci::session& sql, Engine engine, const std::string& table) {
  std::vector<std::string> out;
  std::string name;
  soci::statement st =
      engine == Engine::sqlite
          ? (sql.prepare << "SELECT name FROM pragma_table_info(:t) ORDER BY cid", soci::use(table),
             soci::into(name))
          : (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE "
                            "table_schema = current_schema() AND table_name = :t ORDER BY "
                            "ordinal_position",
             soci::use(table), soci::into(name));
  st.execute();
  while (st.fetch()) out.push_back(name);
  return out;
}

std::string joined(const std::vector<std::string>& parts, const std::string& sep,
                   const std::string& before = "", const std::string& after = "") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i ? sep : "") + before + parts[i] + after;
  }
  return out;
}

// Every row of `table` as text, in one order both engines agree on: by every column, NULLs last
// (SQLite puts NULLs first, PostgreSQL last, unless told), text byte-wise (COLLATE "C" there).
// `each` gets the values and their indicators.
// Unordered (`ordered` false): as the engine finds them, for copying.
template <typename Each>
void read_rows(soci::session& sql, const std::string& table, const std::vector<std::string>& cols,
               Each&& each, bool ordered = true) {
  std::vector<std::string> order;
  for (const auto& c : cols) {
    order.push_back("(" + c + " IS NULL)");
    order.push_back(c);
  }
  std::vector<std::string> values(cols.size());
  std::vector<soci::indicator> inds(cols.size(), soci::i_ok);
  soci::statement st =
      (sql.prepare << "SELECT " + joined(cols, ", ") + " FROM " + table +
                          (ordered ? " ORDER BY " + joined(order, ", ") : std::string()));
  for (std::size_t i = 0; i < cols.size(); ++i) st.exchange(soci::into(values[i], inds[i]));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) each(values, inds);
}

// FNV-1a over the rows' text, NULL marked apart from the empty string.
struct Digest {
  std::uint64_t h = 1469598103934665603ULL;
  void add(const std::string& s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  }
  std::string hex() const {
    static const char* const digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i)
      out[static_cast<std::size_t>(15 - i)] = digits[(h >> (i * 4)) & 0xF];
    return out;
  }
};

// COPY … FROM STDIN on the session's own connection (inside its transaction): rows in COPY's
// text format, sent in blocks of about a megabyte.
class CopyIn {
 public:
  CopyIn(soci::session& sql, const std::string& table, const std::vector<std::string>& cols)
      : conn_(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_) {
    const std::string command = "COPY " + table + " (" + joined(cols, ", ") + ") FROM STDIN";
    PGresult* r = PQexec(conn_, command.c_str());
    const bool ready = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!ready) fail("COPY " + table);
  }
  void row(const std::vector<std::string>& values, const std::vector<soci::indicator>& inds) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) buffer_ += '\t';
      if (inds[i] == soci::i_null) {
        buffer_ += "\\N";
        continue;
      }
      for (char c : values[i]) {
        switch (c) {
          case '\\': buffer_ += "\\\\"; break;
          case '\t': buffer_ += "\\t"; break;
          case '\n': buffer_ += "\\n"; break;
          case '\r': buffer_ += "\\r"; break;
          default: buffer_ += c;
        }
      }
    }
    buffer_ += '\n';
    if (buffer_.size() >= (1U << 20)) flush();
  }
  void finish() {
    flush();
    if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY end");
    bool ok = true;
    while (PGresult* r = PQgetResult(conn_)) {
      ok = ok && PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
    }
    if (!ok) fail("COPY");
  }

 private:
  void flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      fail("COPY data");
    }
    buffer_.clear();
  }
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + PQerrorMessage(conn_));
  }
  PGconn* conn_;
  std::string buffer_;
};

TableCheck::Side measure(soci::session& sql, const std::string& table,
                         const std::vector<std::string>& cols) {
  TableCheck::Side side;
  Digest d;
  read_rows(sql, table, cols,
            [&](const std::vector<std::string>& v, const std::vector<soci::indicator>& ind) {
              ++side.rows;
              for (std::size_t i = 0; i < v.size(); ++i) {
                d.add(ind[i] == soci::i_null ? std::string("\x01N") : "\x02" + v[i]);
              }
              d.add("\x03");
            });
  side.checksum = d.hex();
  return side;
}

}  // namespace

Result<std::vector<TableCheck>> Store::copy_to(Store& target, bool verify) {
  return guarded([&]() -> Result<std::vector<TableCheck>> {
    if (schema_version() != target.schema_version()) {
      return Error::refused("to", "migrate.schema",
                            "Hai cơ sở dữ liệu khác phiên bản lược đồ; không chép.",
                            "schema versions differ");
    }
    const auto& order = copy_order();
    for (const auto& t : tables_of(impl_->sql, impl_->engine)) {
      if (std::find(order.begin(), order.end(), t) == order.end()) {
        return Error::refused("from", "migrate.unknown_table",
                              "Cơ sở dữ liệu nguồn có bảng «" + t +
                                  "» mà phiên bản này không biết chép; không chép gì.",
                              "unknown table " + t);
      }
    }
    // The target must hold nothing but its fresh schema.
    for (const auto& t : {"org", "member", "account", "audit_log"}) {
      long long n = 0;
      target.impl_->sql << std::string("SELECT COUNT(*) FROM ") + t, soci::into(n);
      if (n > 0) {
        return Error::conflict("to",
                               "Cơ sở dữ liệu đích đã có dữ liệu; chỉ chép vào một cơ sở dữ "
                               "liệu mới tạo.",
                               std::string("target table ") + t + " is not empty");
      }
    }
    std::vector<std::vector<std::string>> columns;
    for (const auto& t : order) columns.push_back(columns_of(impl_->sql, impl_->engine, t));

    std::vector<std::int64_t> copied(order.size(), 0);
    DANGVU_TRY(target.write_transaction([&]() -> Status {
      auto& to = target.impl_->sql;
      // The source's own history of versions and its revision counters come over.
      if (target.impl_->engine == Engine::postgresql) {
        // For the indexes built after each table's rows (below); the server's default, 64 MB,
        // would sort the national demo's largest ones on disk in many passes.
        to << "SET LOCAL maintenance_work_mem = '256MB'";
      }
      to << "DELETE FROM schema_version";
      to << "DELETE FROM data_revision";
      for (std::size_t k = 0; k < order.size(); ++k) {
        const auto& cols = columns[k];
        if (cols.empty()) continue;
        if (target.impl_->engine == Engine::postgresql) {
          // The table's secondary indexes are built after its rows, each in one sort, rather
          // than kept up to date row by row through tens of millions of rows (the national
          // demo's periods have four). Keys and unique constraints stay: they check the rows.
          std::vector<std::string> rebuild;
          {
            std::string name, definition;
            soci::statement st =
                (to.prepare << "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE "
                               "i.schemaname = current_schema() AND i.tablename = :t AND NOT "
                               "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = "
                               "i.indexname) ORDER BY i.indexname",
                 soci::use(order[k]), soci::into(name), soci::into(definition));
            st.execute();
            std::vector<std::string> names;
            while (st.fetch()) {
              names.push_back(name);
              rebuild.push_back(definition);
            }
            for (const auto& n : names) to << "DROP INDEX " + n;
          }
          CopyIn copy(to, order[k], cols);
          read_rows(
              impl_->sql, order[k], cols,
              [&](const std::vector<std::string>& v, const std::vector<soci::indicator>& ind) {
                copy.row(v, ind);
                ++copied[k];
              },
              false);
          copy.finish();
          for (const auto& definition : rebuild) to << definition;
          // The planner knows nothing of rows that arrived by COPY until autovacuum comes by:
          // without statistics a member search scanned every period (17 ms → 1.4 ms after).
          to << "ANALYZE " + order[k];
          if (cols.front() == "id") {
            to << "SELECT setval(pg_get_serial_sequence('" + order[k] +
                      "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + order[k];
          }
          continue;
        }
        std::vector<std::string> values(cols.size());
        std::vector<soci::indicator> inds(cols.size(), soci::i_ok);
        std::vector<std::string> params;
        for (std::size_t i = 0; i < cols.size(); ++i) params.push_back(":p" + std::to_string(i));
        soci::statement insert =
            (to.prepare << "INSERT INTO " + order[k] + " (" + joined(cols, ", ") + ") VALUES (" +
                               joined(params, ", ") + ")");
        for (std::size_t i = 0; i < cols.size(); ++i)
          insert.exchange(soci::use(values[i], inds[i]));
        insert.define_and_bind();
        read_rows(
            impl_->sql, order[k], cols,
            [&](const std::vector<std::string>& v, const std::vector<soci::indicator>& ind) {
              values = v;
              inds = ind;
              insert.execute(true);
              ++copied[k];
            },
            false);
        // A server hands out new ids after the copied ones.
        if (target.impl_->engine == Engine::postgresql && cols.front() == "id") {
          to << "SELECT setval(pg_get_serial_sequence('" + order[k] +
                    "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + order[k];
        }
      }
      return {};
    }));

    std::vector<TableCheck> checks;
    for (std::size_t k = 0; k < order.size(); ++k) {
      TableCheck c;
      c.table = order[k];
      if (!verify) {
        c.source.rows = c.target.rows = copied[k];
        checks.push_back(std::move(c));
        continue;
      }
      c.source = measure(impl_->sql, order[k], columns[k]);
      c.target = measure(target.impl_->sql, order[k], columns[k]);
      checks.push_back(std::move(c));
    }
    return checks;
  });
}

}  // namespace dangvu::store

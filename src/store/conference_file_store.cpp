// Files attached to conference items: appended rows, the latest per item shown. The bytes are
// kept as hex text, which both engines store and compare alike.
#include <string_view>

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0x0f]);
  }
  return out;
}

int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

Result<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return Error::io("Tệp đính kèm trong cơ sở dữ liệu bị hỏng.", "odd-length hex content");
  }
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      return Error::io("Tệp đính kèm trong cơ sở dữ liệu bị hỏng.", "non-hex content");
    }
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return out;
}

// The latest row of each item: no later row of the same item exists.
constexpr const char* kLatest =
    " AND NOT EXISTS (SELECT 1 FROM conference_item_file g WHERE g.conference_id = "
    "f.conference_id AND g.item_seq = f.item_seq AND g.id > f.id)";

}  // namespace

Status Store::insert_item_file(const ItemFileRecord& f) {
  return guarded([&]() -> Status {
    long long conference = f.conference, size = f.size;
    int item = f.item;
    const std::string hex = to_hex(f.content);
    impl_->sql << "INSERT INTO conference_item_file (conference_id, item_seq, name, content_type, "
                  "size, content, uploaded_by, uploaded_at) VALUES (:c, :i, :n, :t, :s, :x, :b, "
                  ":a)",
        soci::use(conference), soci::use(item), soci::use(f.name), soci::use(f.content_type),
        soci::use(size), soci::use(hex), soci::use(f.uploaded_by), soci::use(f.uploaded_at);
    return {};
  });
}

Result<std::vector<ItemFileRecord>> Store::item_files(ConferenceId id) {
  return guarded([&]() -> Result<std::vector<ItemFileRecord>> {
    std::vector<ItemFileRecord> out;
    long long key = id, size = 0;
    int item = 0;
    std::string name, type, by, at, display;
    soci::indicator display_ind = soci::i_null;
    soci::statement st =
        (impl_->sql.prepare << std::string("SELECT f.item_seq, f.name, f.content_type, f.size, "
                                           "f.uploaded_by, f.uploaded_at, a.display_name FROM "
                                           "conference_item_file f LEFT JOIN account a ON "
                                           "a.username = f.uploaded_by WHERE f.conference_id = "
                                           ":c") +
                                   kLatest + " ORDER BY f.item_seq",
         soci::into(item), soci::into(name), soci::into(type), soci::into(size), soci::into(by),
         soci::into(at), soci::into(display, display_ind), soci::use(key));
    st.execute();
    while (st.fetch()) {
      ItemFileRecord r;
      r.conference = id;
      r.item = item;
      r.name = name;
      r.content_type = type;
      r.size = size;
      r.uploaded_by = by;
      r.uploaded_at = at;
      r.uploaded_by_name = display_ind == soci::i_ok ? display : std::string();
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::optional<ItemFileRecord>> Store::item_file(ConferenceId id, int item) {
  return guarded([&]() -> Result<std::optional<ItemFileRecord>> {
    long long key = id, size = 0;
    int seq = item;
    std::string name, type, hex, by, at;
    soci::indicator found = soci::i_null;
    impl_->sql << std::string(
                      "SELECT f.name, f.content_type, f.size, f.content, f.uploaded_by, "
                      "f.uploaded_at FROM conference_item_file f WHERE f.conference_id = "
                      ":c AND f.item_seq = :i") +
                      kLatest,
        soci::into(name, found), soci::into(type), soci::into(size), soci::into(hex),
        soci::into(by), soci::into(at), soci::use(key), soci::use(seq);
    if (found != soci::i_ok) return std::optional<ItemFileRecord>{};
    auto bytes = from_hex(hex);
    if (!bytes.ok()) return bytes.error();
    ItemFileRecord r;
    r.conference = id;
    r.item = item;
    r.name = name;
    r.content_type = type;
    r.size = size;
    r.content = std::move(*bytes);
    r.uploaded_by = by;
    r.uploaded_at = at;
    return std::optional<ItemFileRecord>{std::move(r)};
  });
}

}  // namespace dangvu::store

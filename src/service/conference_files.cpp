// The file of a conference item (a contribution's text, a speech): uploaded from the browser,
// kept in the database, downloaded by whoever may see the conference. Only the kinds an office
// sends a contribution as (PDF, Word, OpenDocument text), recognized by their first bytes and
// not only their name; a later file for the same item is shown instead, the earlier one kept.
#include <algorithm>
#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/audit_labels.h"
#include "service/conference_files.h"
#include "service/registry.h"
#include "text/normalize.h"

namespace dangvu::service {
namespace {

using nlohmann::json;

// A contribution is a few pages; a scanned one with pictures rarely more than a few MB.
constexpr long long kMaxItemFileBytes = 10LL * 1024 * 1024;

struct FileKind {
  std::string_view extension, content_type, magic, label;
};

constexpr std::string_view kZip{"PK\x03\x04", 4};
constexpr std::string_view kOle{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

constexpr std::array<FileKind, 4> kKinds{{
    {".pdf", "application/pdf", "%PDF-", "PDF"},
    {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip,
     "Word (.docx)"},
    {".doc", "application/msword", kOle, "Word 97–2003 (.doc)"},
    {".odt", "application/vnd.oasis.opendocument.text", kZip, "OpenDocument (.odt)"},
}};

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return s;
}

const FileKind* kind_of(const std::string& name) {
  const std::string lower = lower_ascii(name);
  for (const auto& k : kKinds) {
    if (lower.size() > k.extension.size() && lower.ends_with(k.extension)) return &k;
  }
  return nullptr;
}

}  // namespace

ItemFileView item_file_view(const store::ItemFileRecord& f) {
  return {f.name, f.content_type, f.size, f.uploaded_at,
          f.uploaded_by_name.empty() ? actor_label(f.uploaded_by, "") : f.uploaded_by_name};
}

Result<ItemFileView> Registry::attach_item_file(const ItemFileInput& in) {
  if (in.item < 1 || in.item > 100000) {
    return Error::invalid("item", "Trường «item»: số thứ tự nội dung phải từ 1 trở lên.",
                          "item number out of range");
  }
  auto name = text::clean_field(in.file_name, "file_name", 255);
  if (!name.ok()) return name.error();
  if (name->find_first_of("/\\") != std::string::npos) {
    return Error::invalid("file_name", "Trường «file_name»: chỉ ghi tên tệp, không ghi đường dẫn.",
                          "file name with a path");
  }
  const FileKind* kind = kind_of(*name);
  if (kind == nullptr) {
    return Error::invalid("file_name",
                          "Trường «file_name»: chỉ nhận tệp PDF (.pdf), Word (.docx, .doc) hoặc "
                          "OpenDocument (.odt).",
                          "file kind not accepted");
  }
  if (in.content.empty()) {
    return Error::invalid("file", "Trường «file»: tệp rỗng.", "empty upload");
  }
  if (static_cast<long long>(in.content.size()) > kMaxItemFileBytes) {
    Error e = Error::invalid("file", "Trường «file»: tệp quá lớn; tệp tham luận tối đa 10 MB.",
                             "item file over 10 MiB");
    e.kind = ErrorKind::too_large;
    return e;
  }
  if (!std::string_view(in.content).starts_with(kind->magic)) {
    return Error::invalid("file",
                          "Trường «file»: nội dung tệp không phải " + std::string(kind->label) +
                              " như tên tệp cho biết; hãy chọn đúng tệp.",
                          "content does not match the file name's kind");
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  ItemFileView view;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    auto c = visible_conference(in.conference, **shared_history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    auto items = store_.conference_items(c->id);
    if (!items.ok()) return items.error();
    const bool exists =
        std::any_of(items->begin(), items->end(), [&](const auto& i) { return i.seq == in.item; });
    if (!exists) {
      return Error::not_found(
          "item", "Trường «item»: hội nghị không có nội dung số " + std::to_string(in.item) + ".",
          "no such conference item");
    }
    store::ItemFileRecord f;
    f.conference = c->id;
    f.item = static_cast<int>(in.item);
    f.name = *name;
    f.content_type = std::string(kind->content_type);
    f.size = static_cast<std::int64_t>(in.content.size());
    f.content = in.content;
    f.uploaded_by = actor_;
    f.uploaded_at = clock_.now_iso();
    DANGVU_TRY(store_.insert_item_file(f));
    auto stored = store_.item_files(c->id);
    if (!stored.ok()) return stored.error();
    for (const auto& s : *stored) {
      if (s.item == f.item) view = item_file_view(s);
    }
    json detail = {{"conference", c->id}, {"item", in.item}, {"name", f.name}, {"size", f.size}};
    return audit("conference.item_file", std::to_string(c->id), detail.dump(), c->org);
  }));
  return view;
}

Result<store::ItemFileRecord> Registry::item_file(long long conference, long long item) {
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  auto c = visible_conference(conference, **shared_history);
  if (!c.ok()) return c.error();
  if (item < 1 || item > 100000) {
    return Error::not_found("item", "Trường «item»: nội dung này chưa có tệp đính kèm.",
                            "item number out of range");
  }
  auto f = store_.item_file(c->id, static_cast<int>(item));
  if (!f.ok()) return f.error();
  if (!*f) {
    return Error::not_found("item", "Trường «item»: nội dung này chưa có tệp đính kèm.",
                            "no file for this item");
  }
  return std::move(**f);
}

}  // namespace dangvu::service

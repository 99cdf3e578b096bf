#pragma once
// A document answered as the page's HTML preview or as the Word or Excel file, named for download:
// one way for the report, its check sheet and the member statistics.
#include <string>

#include "api/routes.h"
#include "report/document.h"

namespace dangvu::api {

// `format`: html (or empty), docx or xlsx; anything else is refused naming `format`, before
// `make` builds the document. `file_stem` is ASCII ("bao-cao-DBA-2026"): the file is
// `file_stem.format`.
Status answer_document(RequestContext& ctx, const std::string& format,
                       const std::function<Result<report::Document>()>& make,
                       const std::string& file_stem);

}  // namespace dangvu::api

#pragma once
// Text written into HTML or XML (the preview, the news item, the Word file's runs): the five
// characters that would end or open markup, as entities.
#include <string>
#include <string_view>

namespace dangvu::report {

std::string escape_markup(std::string_view text);

}  // namespace dangvu::report

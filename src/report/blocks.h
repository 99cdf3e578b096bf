#pragma once
// The blocks a document's sections are made of (report/document.h), one way for every builder.
#include <string>
#include <utility>

#include "report/document.h"

namespace dangvu::report {

inline Block paragraph(std::string text) { return {Block::Kind::paragraph, std::move(text), {}}; }
inline Block bullet(std::string text) { return {Block::Kind::bullet, std::move(text), {}}; }
// Text a person must write or check: rendered marked.
inline Block draft(std::string text) { return {Block::Kind::draft, std::move(text), {}}; }
inline Block centered(std::string text) { return {Block::Kind::centered, std::move(text), {}}; }
inline Block table_block(Table table) { return {Block::Kind::table, {}, std::move(table)}; }

}  // namespace dangvu::report

#pragma once
// A news item for an organization's web portal (tin bài), as plain data and its two renderings:
// HTML for the portal's editor and plain text. Placeholders (a photo to insert, a name nobody
// recorded) are spans marked as such, so both renderings show them unmistakably.
#include <string>
#include <vector>

namespace dangvu::report {

struct NewsSpan {
  std::string text;
  bool placeholder = false;  // rendered "[…]" (and <mark> in HTML): the office fills it in
};

struct NewsParagraph {
  enum class Kind {
    text,   // a paragraph of the body
    photo,  // a photo to insert, with its caption
  };
  Kind kind = Kind::text;
  std::vector<NewsSpan> spans;
};

struct NewsItem {
  std::string title;
  std::vector<NewsSpan> lead;  // the opening paragraph, in bold on the portals
  std::vector<NewsParagraph> body;
  std::vector<NewsSpan> author;  // the author line, right-aligned at the end
};

// A whole UTF-8 HTML page (<article class="dv-news">); all text escaped.
std::string render_news_html(const NewsItem& news);
// Plain text: the title, a blank line, the lead, the paragraphs and photos each followed by a
// blank line, the author line. Placeholders in square brackets.
std::string render_news_text(const NewsItem& news);
// The text of a paragraph or span list, placeholders in square brackets.
std::string news_text_of(const std::vector<NewsSpan>& spans);

}  // namespace dangvu::report

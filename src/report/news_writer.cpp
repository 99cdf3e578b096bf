// The news item as HTML (for the portal's editor) and as plain text.
#include <sstream>

#include "report/markup.h"
#include "report/news.h"

namespace dangvu::report {
namespace {

std::string esc(const std::string& s) { return escape_markup(s); }

std::string spans_html(const std::vector<NewsSpan>& spans) {
  std::string out;
  for (const auto& s : spans) {
    out += s.placeholder ? "<mark class=\"placeholder\">[" + esc(s.text) + "]</mark>" : esc(s.text);
  }
  return out;
}

}  // namespace

std::string news_text_of(const std::vector<NewsSpan>& spans) {
  std::string out;
  for (const auto& s : spans) out += s.placeholder ? "[" + s.text + "]" : s.text;
  return out;
}

std::string render_news_html(const NewsItem& n) {
  std::ostringstream out;
  out << "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" << esc(n.title)
      << "</title><style>"
         "body{font-family:Arial,'Liberation Sans',sans-serif;font-size:12pt;max-width:720px;"
         "margin:2em auto;line-height:1.5}"
         "h1{font-size:20pt}p.lead{font-weight:bold}p{text-align:justify}"
         "figure.photo{margin:1em 0;text-align:center}"
         "figure.photo .frame{border:1px dashed #888;padding:3em 1em;color:#666}"
         "figure.photo figcaption{font-style:italic}"
         "mark.placeholder{background:#fff59d}p.author{text-align:right;font-weight:bold}"
         "</style></head><body><article class=\"dv-news\"><h1>"
      << esc(n.title) << "</h1><p class=\"lead\">" << spans_html(n.lead) << "</p>";
  for (const auto& p : n.body) {
    if (p.kind == NewsParagraph::Kind::photo) {
      out << "<figure class=\"photo\"><div class=\"frame\"><mark class=\"placeholder\">[Chèn "
             "ảnh]</mark></div><figcaption>"
          << spans_html(p.spans) << "</figcaption></figure>";
    } else {
      out << "<p>" << spans_html(p.spans) << "</p>";
    }
  }
  out << "<p class=\"author\">" << spans_html(n.author) << "</p></article></body></html>\n";
  return out.str();
}

std::string render_news_text(const NewsItem& n) {
  std::string out = n.title + "\n\n" + news_text_of(n.lead) + "\n\n";
  for (const auto& p : n.body) {
    if (p.kind == NewsParagraph::Kind::photo) {
      out += "[Chèn ảnh] " + news_text_of(p.spans) + "\n\n";
    } else {
      out += news_text_of(p.spans) + "\n\n";
    }
  }
  out += news_text_of(n.author) + "\n";
  return out;
}

}  // namespace dangvu::report

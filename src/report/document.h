#pragma once
// A document dangvu writes (the periodic report, a conference's invitation and minutes), as plain
// data that every renderer (docx, xlsx, html) reads. The text is Vietnamese, NFC; numbers stay
// numbers until a renderer formats them (Vietnamese style: 2.465; 77,5%), so that XLSX keeps them
// computable and every format shows the same figure.
#include <optional>
#include <string>
#include <vector>

namespace dangvu::report {

enum class CellFormat {
  text,      // `text` as is
  integer,   // 2.465
  decimal1,  // 12,5
  percent1,  // 77,5% (number holds the percentage: 77.5)
};

struct Cell {
  std::string text;
  std::optional<double> number;  // none: an empty or text cell
  CellFormat format = CellFormat::text;

  static Cell of_text(std::string t) { return Cell{std::move(t), std::nullopt, CellFormat::text}; }
  static Cell of_integer(double v) { return Cell{{}, v, CellFormat::integer}; }
  static Cell of_percent(std::optional<double> v) {
    return Cell{v ? std::string{} : std::string{"—"}, v, CellFormat::percent1};
  }
  // What a reader sees: the text, or the number in Vietnamese style.
  std::string display() const;
};

struct Table {
  std::string id;     // stable, ASCII: names the XLSX sheet's source and HTML anchors
  std::string title;  // "Biểu 1. Kết quả kiểm tra, giám sát"
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  bool last_row_is_total = false;  // rendered bold
  bool compact = false;            // a long list (an attendance annex): small type, tight rows
};

struct Block {
  enum class Kind {
    paragraph,  // ordinary text
    bullet,     // a list item ("- …")
    draft,      // text a person must write or check: rendered marked (highlighted, "[Dự thảo]")
    table,
    centered,  // a line set apart in the middle, bold: "QUYẾT ĐỊNH:" above a decision's articles
  };
  Kind kind = Kind::paragraph;
  std::string text;  // paragraph, bullet, draft
  Table table;       // table
};

struct Section {
  std::string heading;  // "I. TÌNH HÌNH CHUNG"; a level-2 heading is "1. Công tác tổ chức"
  int level = 1;
  std::vector<Block> blocks;
};

// The parts of a Party document (Hướng dẫn 36-HD/VPTW): the letterhead on the left (superior
// body, issuing body, number), "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the right, the
// kind and title in the middle, the body, then recipients on the left and the signature on the
// right.
struct Document {
  std::string superior;    // "ĐẢNG BỘ TỈNH BẮC NINH" (may be empty)
  std::string issuer;      // "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
  std::string number;      // "Số    -BC/ĐUK" (the office fills the number when it registers it)
  std::string place_date;  // "Bắc Ninh, ngày 30 tháng 6 năm 2026"
  std::string kind_title;  // "BÁO CÁO"
  std::string title;       // "Sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026"
  std::vector<Section> sections;
  std::vector<std::string> recipients;  // under "Nơi nhận:"
  std::string signer_authority;         // "T/M BAN THƯỜNG VỤ"
  std::string signer_title;             // "BÍ THƯ"
  std::string signer_name;              // empty: left blank to sign
  // A second signature on the left, in place of the recipients: minutes are signed by the
  // secretary on the left and the chair on the right. Empty: the recipients are on the left.
  std::string left_signer_title;  // "THƯ KÝ HỘI NGHỊ"
  std::string left_signer_name;
  std::vector<Section> annex;  // "PHỤ LỤC": the tables by sub-organization, the checks
};

}  // namespace dangvu::report

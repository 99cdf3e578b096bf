// Column names and cell references.
#include "io/table.h"

namespace dangvu::io {

std::string column_name(int column) {
  std::string out;
  int n = column + 1;
  while (n > 0) {
    int rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

int column_of_reference(const char* reference, int* row_out) {
  int column = 0;
  int letters = 0;
  const char* p = reference;
  while (*p >= 'A' && *p <= 'Z') {
    column = column * 26 + (*p - 'A' + 1);
    ++letters;
    ++p;
    if (letters > 3) return -1;
  }
  if (letters == 0 || column > 16384) return -1;
  long long row = 0;
  int digits = 0;
  while (*p >= '0' && *p <= '9') {
    row = row * 10 + (*p - '0');
    ++p;
    if (++digits > 7) return -1;
  }
  if (*p != '\0' || digits == 0) return -1;
  if (row_out) *row_out = static_cast<int>(row);
  return column - 1;
}

}  // namespace dangvu::io

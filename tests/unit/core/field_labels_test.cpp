// The Vietnamese labels of the API's field names: one per name, a different one where an action
// means something else by it, a list element named with its line; messages relabelled in place.
#include "core/field_labels.h"

#include <gtest/gtest.h>

namespace dangvu {
namespace {

TEST(FieldLabels, NameEachFieldInVietnamese) {
  EXPECT_EQ(field_label("member"), "Đảng viên");
  EXPECT_EQ(field_label("member_code"), "Đảng viên");
  EXPECT_EQ(field_label("org"), "Tổ chức");
  EXPECT_EQ(field_label("date"), "Ngày");
  EXPECT_EQ(field_label("into"), "Tổ chức hợp nhất vào");
  EXPECT_EQ(field_label("subject_member"), "Đảng viên được kiểm tra, giám sát");
  EXPECT_EQ(field_label("no_such_field"), "");
}

TEST(FieldLabels, AnActionMayMeanSomethingElseByAName) {
  EXPECT_EQ(field_label("from"), "Từ ngày");
  EXPECT_EQ(field_label("from", "org.merge"), "Các tổ chức được hợp nhất");
  EXPECT_EQ(field_label("date", "org.merge"), "Ngày");  // no entry of its own: the general one
}

TEST(FieldLabels, AListElementIsNamedWithItsLine) {
  EXPECT_EQ(field_label("entries[3].member"), "Đảng viên (dòng 4)");
  EXPECT_EQ(field_label("entries[0].reason"), "Lý do (dòng 1)");
  EXPECT_EQ(field_label("absent[1]"), "Đảng viên vắng mặt (dòng 2)");
  EXPECT_EQ(field_label("entries[x].member"), "");
  EXPECT_EQ(field_label("entries[].member"), "");
  EXPECT_EQ(field_label("entries[2].nothing"), "");
}

TEST(FieldLabels, MessagesNameFieldsByTheirLabels) {
  EXPECT_EQ(with_field_labels("Trường «member»: không có đảng viên mã «X»."),
            "Trường «Đảng viên»: không có đảng viên mã «X».");
  EXPECT_EQ(with_field_labels("Trường «date» (ngày ký): sai; Trường «org»: thiếu."),
            "Trường «Ngày» (ngày ký): sai; Trường «Tổ chức»: thiếu.");
  EXPECT_EQ(with_field_labels("Trường «from»: cần ít nhất một tổ chức.", "org.merge"),
            "Trường «Các tổ chức được hợp nhất»: cần ít nhất một tổ chức.");
  // Unknown names, other quotes and unfinished quotes stay as they are.
  EXPECT_EQ(with_field_labels("Trường «X-CSRF-Token»: thiếu «org»."),
            "Trường «X-CSRF-Token»: thiếu «org».");
  EXPECT_EQ(with_field_labels("Trường «org"), "Trường «org");
  EXPECT_EQ(with_field_labels(""), "");
}

}  // namespace
}  // namespace dangvu

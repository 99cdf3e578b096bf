// Passwords, tokens, the login throttle and sealed backup files.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "auth/role.h"
#include "auth/sealed_file.h"
#include "auth/secrets.h"
#include "auth/throttle.h"
#include "support/temp_db.h"

namespace dangvu::auth {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Passwords, Argon2idHashesVerifyOnlyTheRightPassword) {
  auto hash = hash_password("Mật khẩu đúng 2026");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("Mật khẩu đúng 2026", *hash));
  EXPECT_FALSE(verify_password("Mật khẩu đúng 2025", *hash));
  EXPECT_FALSE(verify_password("", *hash));
  EXPECT_FALSE(verify_password("x", "not a hash"));
  auto again = hash_password("Mật khẩu đúng 2026");
  EXPECT_NE(*again, *hash) << "a fresh salt every time";
}

TEST(Passwords, PolicyNamesTheFieldAndTheRule) {
  EXPECT_TRUE(check_password_policy("dai-du-muoi-ky-tu", "lan", "new_password").ok());
  EXPECT_TRUE(check_password_policy("Đảng viên 2026", "lan", "new_password").ok());
  for (const char* weak : {"ngan-1", "aaaaaaaaaaaaaaa", "123456789012", "lan.nguyen"}) {
    Status st = check_password_policy(weak, "lan.nguyen", "new_password");
    ASSERT_FALSE(st.ok()) << weak;
    EXPECT_EQ(st.error().field, "new_password");
    EXPECT_FALSE(st.error().message_vi.empty());
  }
  // Ten Vietnamese letters are ten characters, though more bytes.
  EXPECT_TRUE(check_password_policy("ăâđêôơưạảấ-", "x", "p").ok());
  for (int i = 0; i < 20; ++i)
    EXPECT_TRUE(check_password_policy(one_time_password(), "x", "p").ok());
}

TEST(Tokens, AreLongRandomAndStoredOnlyAsDigests) {
  std::string a = new_token(), b = new_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(token_digest(a).size(), 64u);
  EXPECT_EQ(token_digest(a), token_digest(a));
  EXPECT_NE(token_digest(a), token_digest(b));
  EXPECT_NE(csrf_token_for(a), csrf_token_for(b));
  EXPECT_EQ(csrf_token_for(a), csrf_token_for(a));
  EXPECT_NE(csrf_token_for(a), a);
  EXPECT_TRUE(equal_constant_time(a, a));
  EXPECT_FALSE(equal_constant_time(a, b));
  EXPECT_FALSE(equal_constant_time(a, a.substr(1)));
}

TEST(Throttle, DelaysDoubleThenLockAndSuccessForgets) {
  ThrottlePolicy p;
  p.free_failures = 2;
  p.base_delay = 1;
  p.max_delay = 4;
  p.lockout_failures = 6;
  p.lockout = 100;
  LoginThrottle t(p);
  std::int64_t now = 1000;
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 6; ++i) {
    t.record_failure("k", now);
    waits.push_back(t.retry_after("k", now));
  }
  EXPECT_EQ(waits, (std::vector<std::int64_t>{0, 0, 1, 2, 4, 100}));
  EXPECT_EQ(t.retry_after("other", now), 0);
  EXPECT_EQ(t.retry_after("k", now + 60), 40);
  t.record_success("k");
  EXPECT_EQ(t.retry_after("k", now), 0);
}

TEST(Throttle, StaysBoundedUnderAFloodOfKeys) {
  ThrottlePolicy p;
  p.max_keys = 1000;
  LoginThrottle t(p);
  for (int i = 0; i < 50000; ++i) t.record_failure("address:" + std::to_string(i), i);
  // The newest keys are still remembered.
  t.record_failure("address:49999", 50000);
  t.record_failure("address:49999", 50000);
  t.record_failure("address:49999", 50000);
  EXPECT_GT(t.retry_after("address:49999", 50000), 0);
}

TEST(Roles, WhatEachMayDo) {
  EXPECT_TRUE(can_administer(Role::admin));
  EXPECT_FALSE(can_administer(Role::committee_office));
  EXPECT_TRUE(can_change_orgs(Role::committee_office));
  EXPECT_FALSE(can_change_orgs(Role::branch_secretary));
  EXPECT_TRUE(can_write_members(Role::branch_secretary));
  EXPECT_FALSE(can_write_members(Role::inspection));
  EXPECT_FALSE(can_write_members(Role::viewer));
  for (Role r : kAllRoles) EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_FALSE(parse_role("root"));
}

class SealedFile : public ::testing::Test {
 protected:
  void SetUp() override {
    plain_ = dir_.file("plain.db");
    std::ofstream out(plain_, std::ios::binary);
    for (int i = 0; i < 200000; ++i) out << "Đảng viên số " << i << "\n";  // several chunks
  }
  testing::TempDir dir_;
  std::string plain_;
};

TEST_F(SealedFile, RoundTripsAndIsUnreadableWithoutThePassphrase) {
  const std::string sealed = dir_.file("b.dangvu-backup");
  ASSERT_TRUE(seal_file(plain_, sealed, "cụm từ bí mật dài").ok());
  const std::string bytes = read_all(sealed);
  EXPECT_EQ(bytes.find("Đảng viên"), std::string::npos);
  EXPECT_EQ(bytes.rfind("DANGVU-BACKUP-1\n", 0), 0u);
  ASSERT_TRUE(unseal_file(sealed, dir_.file("out.db"), "cụm từ bí mật dài").ok());
  EXPECT_EQ(read_all(dir_.file("out.db")), read_all(plain_));

  Status wrong = unseal_file(sealed, dir_.file("wrong.db"), "cụm từ bí mật khác");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "passphrase");
  EXPECT_FALSE(std::filesystem::exists(dir_.file("wrong.db")));
  EXPECT_FALSE(seal_file(plain_, sealed, "x").ok()) << "never overwrites";
}

TEST_F(SealedFile, DetectsTamperingAndTruncation) {
  const std::string sealed = dir_.file("b.dangvu-backup");
  ASSERT_TRUE(seal_file(plain_, sealed, "cụm từ bí mật dài").ok());
  std::string bytes = read_all(sealed);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 1);
  std::ofstream(dir_.file("flipped"), std::ios::binary) << flipped;
  std::ofstream(dir_.file("short"), std::ios::binary) << bytes.substr(0, bytes.size() - 70000);
  std::ofstream(dir_.file("junk"), std::ios::binary) << "not a backup at all";
  for (const char* name : {"flipped", "short", "junk"}) {
    Status st =
        unseal_file(dir_.file(name), dir_.file(std::string(name) + ".out"), "cụm từ bí mật dài");
    EXPECT_FALSE(st.ok()) << name;
    EXPECT_FALSE(std::filesystem::exists(dir_.file(std::string(name) + ".out"))) << name;
  }
}

}  // namespace
}  // namespace dangvu::auth

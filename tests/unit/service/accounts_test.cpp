// Logins as a stranger would try them: guesses from one address never lock the account's owner
// out at another, and a password typed into the name field is not kept in the audit log.
#include "service/accounts.h"

#include <gtest/gtest.h>

#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

constexpr const char* kPassword = "mat-khau-dung-1";

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("a.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    policy_.free_failures = 2;
    policy_.base_delay = 30;
    policy_.lockout_failures = 4;
    policy_.lockout = 900;
    throttle_ = std::make_unique<auth::LoginThrottle>(policy_);
    accounts_ = std::make_unique<Accounts>(*store_, clock_, SessionPolicy{}, *throttle_);
    auto st = accounts_->create_with_password(Caller::command_line("cli:test"),
                                              {"quantri", "Quản trị", "admin", ""}, kPassword);
    ASSERT_TRUE(st.ok()) << st.error().detail_en;
  }

  ErrorKind login(const std::string& user, const std::string& password,
                  const std::string& address) {
    auto r = accounts_->login(user, password, address);
    return r.ok() ? ErrorKind::io : r.error().kind;  // io stands for "logged in" here
  }

  testing::TempDir dir_;
  std::string path_;
  FixedClock clock_{Date::parse("2026-11-22").value()};
  auth::ThrottlePolicy policy_;
  std::unique_ptr<auth::LoginThrottle> throttle_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_F(AccountsTest, AStrangersGuessesLockTheAccountOnlyAtTheStrangersAddress) {
  for (int i = 0; i < 12; ++i) {
    (void)login("quantri", "doan-sai-" + std::to_string(i), "203.0.113.9");
    clock_.advance_seconds(61);
  }
  EXPECT_EQ(login("quantri", kPassword, "203.0.113.9"), ErrorKind::throttled);
  // The administrator at the office's address still gets in with the right password.
  EXPECT_EQ(login("quantri", kPassword, "10.0.0.5"), ErrorKind::io);
}

TEST_F(AccountsTest, OneAddressIsSlowedDownWhateverNamesItTries) {
  for (const char* name : {"aaa", "bbb", "ccc"}) {
    EXPECT_EQ(login(name, "doan-mo-1234", "203.0.113.9"), ErrorKind::unauthenticated) << name;
  }
  EXPECT_EQ(login("quantri", kPassword, "203.0.113.9"), ErrorKind::throttled);
}

TEST_F(AccountsTest, APasswordTypedAsTheUsernameIsNotKeptInTheAuditLog) {
  EXPECT_EQ(login("mat-khau-dung-1", "quantri", "10.0.0.5"), ErrorKind::unauthenticated);
  EXPECT_EQ(login("quantri", "sai-roi-12345", "10.0.0.5"), ErrorKind::unauthenticated);
  const std::string dump = testing::dump_database(path_);
  EXPECT_EQ(dump.find("mat-khau-dung-1"), std::string::npos);
  EXPECT_NE(dump.find("session.login_failed"), std::string::npos);
  // A real account's failures still name it.
  Registry admin(*store_, RuleSet::defaults(), clock_, "test");
  AuditInput in;
  auto audit = admin.read_audit(in);
  ASSERT_TRUE(audit.ok()) << audit.error().detail_en;
  bool named = false;
  for (const auto& e : *audit)
    named = named || (e.action == "session.login_failed" && e.target == "quantri");
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace dangvu::service

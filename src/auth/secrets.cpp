#include "auth/secrets.h"

#include <sodium.h>

#include <array>
#include <mutex>
#include <stdexcept>

namespace dangvu::auth {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  });
}

// OWASP's interactive profile as libsodium ships it: 2 passes over 64 MiB.
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::string base64url(const unsigned char* data, std::size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

}  // namespace

Result<std::string> hash_password(std::string_view password) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::io("Không đủ bộ nhớ để băm mật khẩu; hãy thử lại.", "argon2id: out of memory");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void burn_password_check(std::string_view password) {
  static const std::string dummy = hash_password("dangvu-no-such-account").value();
  (void)verify_password(password, dummy);
}

Status check_password_policy(std::string_view password, std::string_view username,
                             std::string_view field) {
  const std::string f(field);
  auto refuse = [&](const std::string& vi, const std::string& en) -> Status {
    return Error::invalid(f, "Trường «" + f + "»: " + vi, "field '" + f + "': " + en);
  };
  // Length in code points (a Vietnamese letter is one character, two or three bytes).
  std::size_t chars = 0;
  for (char ch : password) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  if (chars < 10) return refuse("mật khẩu phải có ít nhất 10 ký tự.", "shorter than 10");
  if (chars > 128) return refuse("mật khẩu dài quá 128 ký tự.", "longer than 128");
  if (password == username)
    return refuse("mật khẩu không được trùng tên đăng nhập.", "equals name");
  bool letter = false, other = false;
  for (char ch : password) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      letter = true;
    } else {
      other = true;
    }
  }
  if (!letter || !other) {
    return refuse("mật khẩu phải có cả chữ cái và chữ số hoặc ký hiệu.", "one character class");
  }
  return {};
}

std::string one_time_password() {
  ensure_sodium();
  // Without look-alikes (0/O, 1/l/I): read aloud over the phone, typed once.
  static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  std::string out;
  for (int group = 0; group < 3; ++group) {
    if (group > 0) out += '-';
    for (int i = 0; i < 4; ++i) {
      out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
  }
  // Fourteen characters with '-' between groups: it always meets the policy's two classes.
  return out;
}

std::string new_token() {
  ensure_sodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return base64url(bytes.data(), bytes.size());
}

std::string token_digest(std::string_view token) {
  ensure_sodium();
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

std::string csrf_token_for(std::string_view session_token) {
  ensure_sodium();
  static constexpr std::string_view kLabel = "dangvu csrf v1";
  std::array<unsigned char, 32> digest{};
  std::array<unsigned char, 32> key{};
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(session_token.data()),
                     session_token.size(), nullptr, 0);
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
                     key.data(), key.size());
  return base64url(digest.data(), digest.size());
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace dangvu::auth

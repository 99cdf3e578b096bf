#include "auth/sealed_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace dangvu::auth {
namespace {

// File layout: magic (16) | opslimit (8, LE) | memlimit (8, LE) | salt (16) | stream header (24)
// | chunks, each ciphertext of up to 64 KiB + 17 bytes of tag.
constexpr char kMagic[16] = {'D', 'A', 'N', 'G', 'V', 'U', '-', 'B',
                             'A', 'C', 'K', 'U', 'P', '-', '1', '\n'};
constexpr std::size_t kChunk = 64 * 1024;
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_MODERATE;
constexpr std::size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

using File = std::unique_ptr<FILE, int (*)(FILE*)>;

Error io_error(const std::string& vi, const std::string& en) { return Error::io(vi, en); }

Error bad_passphrase() {
  return Error::refused("passphrase", "backup.passphrase",
                        "Mật khẩu sao lưu không đúng, hoặc tệp sao lưu đã bị hỏng; không có gì "
                        "bị thay đổi.",
                        "backup authentication failed (wrong passphrase or damaged file)");
}

Result<std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>> derive_key(
    const std::string& passphrase, const unsigned char* salt, unsigned long long ops,
    std::size_t mem) {
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, ops, mem,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return io_error("Không đủ bộ nhớ để tạo khóa sao lưu.", "argon2id key derivation failed");
  }
  return key;
}

void put_u64(unsigned char* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint64_t get_u64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
  return v;
}

File create_private(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return File(nullptr, fclose);
  return File(::fdopen(fd, "wb"), fclose);
}

}  // namespace

Status seal_file(const std::string& plain_path, const std::string& sealed_path,
                 const std::string& passphrase) {
  if (sodium_init() < 0) return io_error("Không khởi tạo được thư viện mã hóa.", "sodium_init");
  File in(std::fopen(plain_path.c_str(), "rb"), fclose);
  if (!in) return io_error("Không đọc được tệp cần sao lưu.", "cannot read " + plain_path);
  File out = create_private(sealed_path);
  if (!out) {
    return Error::conflict("output",
                           "Không tạo được tệp sao lưu «" + sealed_path +
                               "» (tệp đã tồn tại hoặc thư mục không ghi được).",
                           "cannot create " + sealed_path);
  }
  std::array<unsigned char, 16 + 8 + 8 + crypto_pwhash_SALTBYTES> head{};
  std::memcpy(head.data(), kMagic, 16);
  put_u64(head.data() + 16, kOps);
  put_u64(head.data() + 24, kMem);
  randombytes_buf(head.data() + 32, crypto_pwhash_SALTBYTES);
  auto key = derive_key(passphrase, head.data() + 32, kOps, kMem);
  if (!key.ok()) return key.error();
  crypto_secretstream_xchacha20poly1305_state st;
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
  crypto_secretstream_xchacha20poly1305_init_push(&st, header.data(), key->data());
  sodium_memzero(key->data(), key->size());
  bool ok = std::fwrite(head.data(), 1, head.size(), out.get()) == head.size() &&
            std::fwrite(header.data(), 1, header.size(), out.get()) == header.size();
  std::vector<unsigned char> plain(kChunk);
  std::vector<unsigned char> sealed(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
  while (ok) {
    std::size_t n = std::fread(plain.data(), 1, kChunk, in.get());
    bool last = n < kChunk;  // also when the file size is a multiple of kChunk: an empty final
    unsigned long long len = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &st, sealed.data(), &len, plain.data(), n, nullptr, 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    ok = std::fwrite(sealed.data(), 1, len, out.get()) == len;
    if (last) break;
  }
  sodium_memzero(plain.data(), plain.size());
  ok = ok && !std::ferror(in.get()) && std::fflush(out.get()) == 0 &&
       ::fsync(fileno(out.get())) == 0;
  if (!ok) {
    out.reset();
    std::remove(sealed_path.c_str());
    return io_error("Ghi tệp sao lưu không thành công (ổ đĩa đầy?).",
                    "write failed " + sealed_path);
  }
  return {};
}

Status unseal_file(const std::string& sealed_path, const std::string& plain_path,
                   const std::string& passphrase) {
  if (sodium_init() < 0) return io_error("Không khởi tạo được thư viện mã hóa.", "sodium_init");
  File in(std::fopen(sealed_path.c_str(), "rb"), fclose);
  if (!in) {
    return Error::not_found("backup", "Không đọc được tệp sao lưu «" + sealed_path + "».",
                            "cannot read " + sealed_path);
  }
  std::array<unsigned char, 16 + 8 + 8 + crypto_pwhash_SALTBYTES> head{};
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
  if (std::fread(head.data(), 1, head.size(), in.get()) != head.size() ||
      std::memcmp(head.data(), kMagic, 16) != 0 ||
      std::fread(header.data(), 1, header.size(), in.get()) != header.size()) {
    return Error::invalid("backup", "Tệp «" + sealed_path + "» không phải là tệp sao lưu dangvu.",
                          "not a dangvu backup: " + sealed_path);
  }
  std::uint64_t ops = get_u64(head.data() + 16), mem = get_u64(head.data() + 24);
  // Refuse parameters no backup of ours uses: a hostile file must not make us allocate 1 TiB.
  if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_SENSITIVE) {
    return Error::invalid("backup", "Tệp sao lưu có tham số không hợp lệ.", "bad kdf params");
  }
  auto key = derive_key(passphrase, head.data() + 32, ops, static_cast<std::size_t>(mem));
  if (!key.ok()) return key.error();
  crypto_secretstream_xchacha20poly1305_state st;
  int init = crypto_secretstream_xchacha20poly1305_init_pull(&st, header.data(), key->data());
  sodium_memzero(key->data(), key->size());
  if (init != 0) return bad_passphrase();
  File out = create_private(plain_path);
  if (!out) return io_error("Không tạo được tệp tạm để khôi phục.", "cannot create " + plain_path);
  std::vector<unsigned char> sealed(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
  std::vector<unsigned char> plain(kChunk);
  bool finished = false;
  Status result;
  while (!finished) {
    std::size_t n = std::fread(sealed.data(), 1, sealed.size(), in.get());
    unsigned long long len = 0;
    unsigned char tag = 0;
    if (n == 0 || crypto_secretstream_xchacha20poly1305_pull(&st, plain.data(), &len, &tag,
                                                             sealed.data(), n, nullptr, 0) != 0) {
      result = bad_passphrase();
      break;
    }
    if (std::fwrite(plain.data(), 1, len, out.get()) != len) {
      result = io_error("Ghi tệp khôi phục không thành công.", "write failed " + plain_path);
      break;
    }
    finished = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (finished && std::fgetc(in.get()) != EOF) result = bad_passphrase();  // trailing bytes
  }
  sodium_memzero(plain.data(), plain.size());
  if (result.ok() && std::fflush(out.get()) != 0) {
    result = io_error("Ghi tệp khôi phục không thành công.", "flush failed " + plain_path);
  }
  if (!result.ok()) {
    out.reset();
    std::remove(plain_path.c_str());
  }
  return result;
}

}  // namespace dangvu::auth

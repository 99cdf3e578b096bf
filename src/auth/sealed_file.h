#pragma once
// Files sealed with a passphrase (backups): argon2id derives the key from the passphrase and a
// random salt, XChaCha20-Poly1305 secretstream encrypts in 64 KiB chunks, each authenticated, the
// last one tagged final so a truncated file is detected. Without the passphrase the file is noise.
#include <string>

#include "core/result.h"

namespace dangvu::auth {

// Encrypts `plain_path` into `sealed_path` (created with mode 0600; an existing file is refused).
Status seal_file(const std::string& plain_path, const std::string& sealed_path,
                 const std::string& passphrase);
// Decrypts into `plain_path`; a wrong passphrase, a damaged or truncated file is refused and
// leaves no output file behind.
Status unseal_file(const std::string& sealed_path, const std::string& plain_path,
                   const std::string& passphrase);

}  // namespace dangvu::auth

#pragma once
// Backups that can sit on a USB stick: a consistent online copy of the database, sealed with a
// passphrase; and the restore that checks the passphrase and the content before it replaces
// anything.
#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace dangvu::service {

// At least 12 characters: the only thing between a lost stick and every member's record.
Status check_backup_passphrase(const std::string& passphrase);

Status make_backup(const std::string& db_path, const std::string& out_path,
                   const std::string& passphrase);

// Restores into `db_path`. An existing database is replaced only with `replace` (the server must
// be stopped first); the restore is then recorded in its audit log.
Status restore_backup(const std::string& backup_path, const std::string& db_path,
                      const std::string& passphrase, bool replace, const Clock& clock,
                      const std::string& actor);

}  // namespace dangvu::service

#pragma once
// The file attached to a conference item, as the conference's page shows it.
#include "service/views.h"
#include "store/conference_records.h"

namespace dangvu::service {

ItemFileView item_file_view(const store::ItemFileRecord& f);

}  // namespace dangvu::service

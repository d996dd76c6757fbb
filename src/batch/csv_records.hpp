#pragma once

#include "batch/batch_record.hpp"

#include <istream>
#include <memory>

namespace contra {

/// The rows of a CSV file (RFC 4180, read by libcsv) as records, `cells` holding each row's
/// cells. The first row, the header, is read at once into `header` (its `error` set when it is
/// missing or malformed); records are numbered from 1 after it.
std::unique_ptr<RecordSource> csv_records(std::istream& in, BatchRecord& header);

} // namespace contra

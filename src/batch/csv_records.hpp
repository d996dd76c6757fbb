#pragma once

#include "batch/batch_record.hpp"
#include "util/text_encoding.hpp"

#include <istream>
#include <memory>

namespace contra {

/// The rows of a CSV file (RFC 4180, read by libcsv) as records, `cells` holding each row's
/// cells. The first row, the header, is read at once into `header` (its `error` set when it is
/// missing or malformed); records are numbered from 1 after it. A UTF-8 byte-order mark before
/// the header is skipped when the file is declared UTF-8, and makes the header an error when it
/// is declared in another encoding. Cells keep their bytes: CsvLayout decodes them.
std::unique_ptr<RecordSource>
csv_records(std::istream& in, BatchRecord& header, TextEncoding encoding = TextEncoding::utf8);

} // namespace contra

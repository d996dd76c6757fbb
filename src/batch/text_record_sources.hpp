#pragma once

#include "batch/batch_record.hpp"
#include "util/line_reader.hpp"

#include <istream>
#include <memory>

namespace contra {

/// NDJSON: one profile per line; blank lines are skipped.
std::unique_ptr<RecordSource> ndjson_records(std::istream& in);

/// A YAML stream: profiles separated by `---` lines (a `...` line ends one). Documents holding
/// only blank lines and comments are skipped.
std::unique_ptr<RecordSource> yaml_stream_records(std::istream& in);

} // namespace contra

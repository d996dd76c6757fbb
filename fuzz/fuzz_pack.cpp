// The rule-pack loader (and, on a pack it accepts, lint and the binary codec) on a pack given as
// one text: pack.yaml first, then each further file after a line "#@file NAME". A pack it
// accepts must have read each file whole: one document, nothing after it.
#include "authoring/lint.hpp"
#include "document_count.hpp"
#include "fuzz_target.hpp"
#include "pack/pack_codec.hpp"
#include "pack/pack_loader.hpp"
#include "pack_input.hpp"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const PackInput input =
        split_pack_input(std::string_view(reinterpret_cast<const char*>(data), size));
    contra::PackLoadResult loaded = contra::load_pack(input.manifest, input.files, "pack/");
    if (loaded.pack.has_value() == loaded.diagnostics.has_errors()) {
        std::abort();
    }
    if (loaded.pack) {
        for (const contra::PackSource& file : input.files) {
            if (count_yaml_documents(file.text).value_or(0) != 1) {
                std::abort();
            }
        }
        const auto decoded = contra::decode_pack(contra::encode_pack(*loaded.pack));
        if (!decoded) {
            std::abort();
        }
        contra::lint_pack(*loaded.pack, loaded.sources);
    }
    return 0;
}

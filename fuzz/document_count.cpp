#include "document_count.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

namespace {

class DocumentCounter : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark&) override { ++documents; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void
    OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&,
                         const std::string&,
                         YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&,
                    const std::string&,
                    YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

    std::size_t documents = 0;
};

} // namespace

std::optional<std::size_t> count_yaml_documents(std::string_view text) {
    std::istringstream events{std::string(text)};
    DocumentCounter counter;
    try {
        YAML::Parser parser(events);
        while (parser.HandleNextDocument(counter)) {
        }
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
    return counter.documents;
}

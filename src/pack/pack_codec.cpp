#include "pack/pack_codec.hpp"

#include "model/arena_reads.hpp"

#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace contra {
namespace {

constexpr std::string_view k_magic = "contra-pack-3\n";

class Writer {
  public:
    template <typename T> void scalar(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* bytes = reinterpret_cast<const char*>(&value);
        m_bytes.append(bytes, sizeof value);
    }
    void text(const std::string& value) {
        scalar(static_cast<std::uint32_t>(value.size()));
        m_bytes += value;
    }
    void texts(const std::vector<std::string>& values) {
        scalar(static_cast<std::uint32_t>(values.size()));
        for (const std::string& value : values) {
            text(value);
        }
    }
    void sites(const SiteSet& set) {
        std::uint8_t bytes[k_max_sites / 8] = {};
        set.for_each([&](std::size_t leaf) {
            bytes[leaf / 8] |= static_cast<std::uint8_t>(1U << (leaf % 8));
        });
        m_bytes.append(reinterpret_cast<const char*>(bytes), sizeof bytes);
    }
    void value(const Value& v) {
        scalar(v.kind);
        scalar(v.choice);
        scalar(v.number);
        sites(v.sites);
    }
    template <typename T, typename Each> void list(const std::vector<T>& items, Each&& each) {
        scalar(static_cast<std::uint32_t>(items.size()));
        for (const T& item : items) {
            each(item);
        }
    }
    std::string take() { return std::move(m_bytes); }

  private:
    std::string m_bytes;
};

struct Truncated : std::runtime_error {
    Truncated() : std::runtime_error("truncated pack") {}
};

class Reader {
  public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
    template <typename T> T scalar() {
        T value;
        std::memcpy(&value, take(sizeof value).data(), sizeof value);
        return value;
    }
    std::string text() {
        const auto size = scalar<std::uint32_t>();
        return std::string(take(size));
    }
    std::vector<std::string> texts() {
        std::vector<std::string> values(count());
        for (std::string& value : values) {
            value = text();
        }
        return values;
    }
    SiteSet sites() {
        const std::string_view bytes = take(k_max_sites / 8);
        SiteSet set;
        for (std::size_t leaf = 0; leaf < k_max_sites; ++leaf) {
            const auto byte = static_cast<unsigned char>(bytes[leaf / 8]);
            if ((static_cast<unsigned>(byte) >> (leaf % 8)) & 1U) {
                set.insert(leaf);
            }
        }
        return set;
    }
    Value value() {
        Value v;
        v.kind = scalar<ValueKind>();
        v.choice = scalar<std::uint8_t>();
        v.number = scalar<double>();
        v.sites = sites();
        return v;
    }
    template <typename T, typename Each> std::vector<T> list(Each&& each) {
        std::vector<T> items(count());
        for (T& item : items) {
            each(item);
        }
        return items;
    }
    std::size_t count() {
        const auto size = scalar<std::uint32_t>();
        if (size > m_bytes.size()) { // every item takes at least one byte
            throw Truncated();
        }
        return size;
    }
    std::string_view take(std::size_t size) {
        if (size > m_bytes.size()) {
            throw Truncated();
        }
        std::string_view part = m_bytes.substr(0, size);
        m_bytes.remove_prefix(size);
        return part;
    }
    [[nodiscard]] bool done() const { return m_bytes.empty(); }

  private:
    std::string_view m_bytes;
};

// One function per section of the pack, writing and reading in the same order.

void write_header(Writer& w, const PackInfo& info) {
    for (char c : k_magic) {
        w.scalar(c);
    }
    w.text(info.name);
    w.text(info.version);
    w.text(info.title);
    w.texts(info.authors);
    w.text(info.reviewed);
    w.texts(info.do_not_cite);
    w.text(info.sha256);
}

// False when the bytes are not a pack of this format.
bool read_header(Reader& r, PackInfo& info) {
    if (r.take(k_magic.size()) != k_magic) {
        return false;
    }
    info.name = r.text();
    info.version = r.text();
    info.title = r.text();
    info.authors = r.texts();
    info.reviewed = r.text();
    info.do_not_cite = r.texts();
    info.sha256 = r.text();
    return true;
}

void write_sites(Writer& w, const BodySites& sites) {
    w.list(sites.leaves(), [&](const Leaf& leaf) {
        w.text(leaf.id);
        w.scalar(leaf.level);
    });
    w.list(sites.groups(), [&](const SiteGroup& group) {
        w.text(group.id);
        w.sites(group.leaves);
        w.scalar(group.is_limb);
    });
    w.list(sites.aliases(), [&](const SiteAlias& alias) {
        w.text(alias.name);
        w.text(alias.target);
    });
}

BodySites read_sites(Reader& r) {
    auto leaves = r.list<Leaf>([&](Leaf& leaf) {
        leaf.id = r.text();
        leaf.level = r.scalar<int>();
    });
    auto groups = r.list<SiteGroup>([&](SiteGroup& group) {
        group.id = r.text();
        group.leaves = r.sites();
        group.is_limb = r.scalar<bool>();
    });
    auto aliases = r.list<SiteAlias>([&](SiteAlias& alias) {
        alias.name = r.text();
        alias.target = r.text();
    });
    return BodySites(std::move(leaves), std::move(groups), std::move(aliases));
}

void write_fact(Writer& w, const Fact& fact) {
    w.text(fact.id);
    w.scalar(fact.type);
    w.texts(fact.values);
    w.text(fact.unit);
    w.scalar(fact.min);
    w.scalar(fact.max);
    w.scalar(fact.allow_none);
    w.text(fact.question);
    w.text(fact.why);
    w.scalar(fact.unknown);
    w.value(fact.assumed);
    w.text(fact.assumption_note);
    w.scalar(fact.required_when);
    w.scalar(fact.assume_when);
    w.scalar(fact.informational);
    w.scalar(fact.requires_sites);
    w.scalar(fact.benign);
    w.scalar(fact.valid_for);
    w.scalar(fact.valid_days);
    w.scalar(fact.ages);
}

void read_fact(Reader& r, Fact& fact) {
    fact.id = r.text();
    fact.type = r.scalar<FactType>();
    fact.values = r.texts();
    fact.unit = r.text();
    fact.min = r.scalar<double>();
    fact.max = r.scalar<double>();
    fact.allow_none = r.scalar<bool>();
    fact.question = r.text();
    fact.why = r.text();
    fact.unknown = r.scalar<UnknownPolicy>();
    fact.assumed = r.value();
    fact.assumption_note = r.text();
    fact.required_when = r.scalar<std::uint32_t>();
    fact.assume_when = r.scalar<std::uint32_t>();
    fact.informational = r.scalar<bool>();
    fact.requires_sites = r.scalar<bool>();
    fact.benign = r.scalar<std::uint64_t>();
    fact.valid_for = r.scalar<ValidFor>();
    fact.valid_days = r.scalar<std::uint32_t>();
    fact.ages = r.scalar<Ages>();
}

void write_treatment(Writer& w, const RulePack& pack) {
    w.scalar(pack.modality_fact);
    w.scalar(pack.area_fact);
    w.scalar(pack.clearance_fact.has_value());
    w.scalar(pack.clearance_fact.value_or(0));
    w.list(pack.modalities, [&](const Modality& modality) {
        w.text(modality.id);
        w.text(modality.title);
        w.sites(modality.default_area);
    });
}

void read_treatment(Reader& r, RulePack& pack) {
    pack.modality_fact = r.scalar<std::uint32_t>();
    pack.area_fact = r.scalar<std::uint32_t>();
    const bool has_clearance = r.scalar<bool>();
    const auto clearance = r.scalar<std::uint32_t>();
    if (has_clearance) {
        pack.clearance_fact = clearance;
    }
    pack.modalities = r.list<Modality>([&](Modality& modality) {
        modality.id = r.text();
        modality.title = r.text();
        modality.default_area = r.sites();
    });
}

void write_predicate(Writer& w, const Predicate& predicate) {
    w.text(predicate.id);
    w.text(predicate.title);
    w.scalar(predicate.condition);
}

void read_predicate(Reader& r, Predicate& predicate) {
    predicate.id = r.text();
    predicate.title = r.text();
    predicate.condition = r.scalar<std::uint32_t>();
}

void write_rule(Writer& w, const Rule& rule) {
    w.text(rule.id);
    w.text(rule.name);
    w.text(rule.title);
    w.scalar(rule.level);
    w.scalar(rule.clearable);
    w.scalar(rule.condition);
    w.scalar(rule.avoid);
    w.scalar(rule.no_pressure);
    w.text(rule.action);
    w.list(rule.action_notes, [&](const ActionNote& note) {
        w.scalar(note.condition);
        w.text(note.text);
    });
    w.text(rule.rationale);
    w.texts(rule.sources);
    w.list(rule.citations, [&](const Citation& citation) {
        w.scalar(citation.source);
        w.text(citation.detail);
    });
    w.text(rule.grade);
    w.text(rule.deviation);
}

void read_rule(Reader& r, Rule& rule) {
    rule.id = r.text();
    rule.name = r.text();
    rule.title = r.text();
    rule.level = r.scalar<Level>();
    rule.clearable = r.scalar<bool>();
    rule.condition = r.scalar<std::uint32_t>();
    rule.avoid = r.scalar<std::uint32_t>();
    rule.no_pressure = r.scalar<std::uint32_t>();
    rule.action = r.text();
    rule.action_notes = r.list<ActionNote>([&](ActionNote& note) {
        note.condition = r.scalar<std::uint32_t>();
        note.text = r.text();
    });
    rule.rationale = r.text();
    rule.sources = r.texts();
    rule.citations = r.list<Citation>([&](Citation& citation) {
        citation.source = r.scalar<std::uint32_t>();
        citation.detail = r.text();
    });
    rule.grade = r.text();
    rule.deviation = r.text();
}

// The text parts of a source, in the order they are encoded.
constexpr std::array<std::string EvidenceSource::*, 8> k_evidence_texts{&EvidenceSource::authors,
                                                                        &EvidenceSource::title,
                                                                        &EvidenceSource::year,
                                                                        &EvidenceSource::section,
                                                                        &EvidenceSource::url,
                                                                        &EvidenceSource::isbn,
                                                                        &EvidenceSource::doi,
                                                                        &EvidenceSource::supports};

void write_evidence(Writer& w, const EvidenceSource& source) {
    w.text(source.id);
    w.scalar(source.type);
    for (const auto part : k_evidence_texts) {
        w.text(source.*part);
    }
}

void read_evidence(Reader& r, EvidenceSource& source) {
    source.id = r.text();
    source.type = r.scalar<SourceType>();
    for (const auto part : k_evidence_texts) {
        source.*part = r.text();
    }
}

void write_condition(Writer& w, const Condition& c) {
    w.scalar(c.kind);
    w.scalar(c.op);
    w.scalar(c.negate);
    w.scalar(c.fact);
    w.scalar(c.choices);
    w.scalar(c.number);
    w.scalar(c.target);
    w.scalar(c.first);
    w.scalar(c.count);
}

void read_condition(Reader& r, Condition& c) {
    c.kind = r.scalar<ConditionKind>();
    c.op = r.scalar<NumberOp>();
    c.negate = r.scalar<bool>();
    c.fact = r.scalar<std::uint32_t>();
    c.choices = r.scalar<std::uint64_t>();
    c.number = r.scalar<double>();
    c.target = r.scalar<std::uint32_t>();
    c.first = r.scalar<std::uint32_t>();
    c.count = r.scalar<std::uint32_t>();
}

void write_site_expr(Writer& w, const SiteExpr& e) {
    w.scalar(e.kind);
    w.scalar(e.fact);
    w.sites(e.literal);
    w.scalar(e.condition);
    w.scalar(e.otherwise);
    w.scalar(e.first);
    w.scalar(e.count);
}

void read_site_expr(Reader& r, SiteExpr& e) {
    e.kind = r.scalar<SiteExprKind>();
    e.fact = r.scalar<std::uint32_t>();
    e.literal = r.sites();
    e.condition = r.scalar<std::uint32_t>();
    e.otherwise = r.scalar<std::uint32_t>();
    e.first = r.scalar<std::uint32_t>();
    e.count = r.scalar<std::uint32_t>();
}

void write_indexes(Writer& w, const std::vector<std::uint32_t>& indexes) {
    w.list(indexes, [&](std::uint32_t index) { w.scalar(index); });
}

std::vector<std::uint32_t> read_indexes(Reader& r) {
    return r.list<std::uint32_t>([&](std::uint32_t& index) { index = r.scalar<std::uint32_t>(); });
}

void write_screening(Writer& w, const ScreeningGroup& group) {
    w.text(group.id);
    w.text(group.question);
    write_indexes(w, group.facts);
}

void read_screening(Reader& r, ScreeningGroup& group) {
    group.id = r.text();
    group.question = r.text();
    group.facts = read_indexes(r);
}

void write_follow_ups(Writer& w, const FollowUps& follow_ups) {
    w.scalar(follow_ups.after);
    write_indexes(w, follow_ups.facts);
}

void read_follow_ups(Reader& r, FollowUps& follow_ups) {
    follow_ups.after = r.scalar<std::uint32_t>();
    follow_ups.facts = read_indexes(r);
}

// A list of items, each written (or read) by `each`.
template <typename T>
void write_all(Writer& w, const std::vector<T>& items, void (*each)(Writer&, const T&)) {
    w.list(items, [&](const T& item) { each(w, item); });
}

template <typename T> std::vector<T> read_all(Reader& r, void (*each)(Reader&, T&)) {
    return r.list<T>([&](T& item) { each(r, item); });
}

} // namespace

std::string encode_pack(const RulePack& pack) {
    Writer w;
    write_header(w, pack.info);
    write_sites(w, pack.sites);
    write_all(w, pack.facts, write_fact);
    write_treatment(w, pack);
    write_all(w, pack.predicates, write_predicate);
    write_all(w, pack.rules, write_rule);
    write_all(w, pack.evidence, write_evidence);
    write_all(w, pack.conditions, write_condition);
    write_all(w, pack.site_exprs, write_site_expr);
    write_indexes(w, pack.children);
    write_all(w, pack.screening, write_screening);
    write_all(w, pack.follow_ups, write_follow_ups);
    return w.take();
}

std::optional<RulePack> decode_pack(std::string_view bytes) {
    try {
        Reader r(bytes);
        RulePack pack;
        if (!read_header(r, pack.info)) {
            return std::nullopt;
        }
        pack.sites = read_sites(r);
        pack.facts = read_all(r, read_fact);
        read_treatment(r, pack);
        pack.predicates = read_all(r, read_predicate);
        pack.rules = read_all(r, read_rule);
        pack.evidence = read_all(r, read_evidence);
        pack.conditions = read_all(r, read_condition);
        pack.site_exprs = read_all(r, read_site_expr);
        pack.children = read_indexes(r);
        pack.screening = read_all(r, read_screening);
        pack.follow_ups = read_all(r, read_follow_ups);
        if (!r.done()) {
            return std::nullopt;
        }
        pack.reads = arena_reads(pack);
        return pack;
    } catch (const Truncated&) {
        return std::nullopt;
    }
}

} // namespace contra

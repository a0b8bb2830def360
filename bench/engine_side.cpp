#include "bench/engine_side.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "data/localities.hpp"
#include "data/official.hpp"
#include "dsl/diagnostics.hpp"
#include "text/files.hpp"

namespace ntm::bench {

LoadedRules load_rules(const std::vector<std::string>& paths) {
    LoadedRules out;
    out.rules = dsl::load_and_check(paths);
    if (out.rules->io_errors.empty() && out.rules->checked) {
        const std::array<const data::AdminUnits*, 2> lists = data::official_lists();
        data::check_localities(out.rules->module, lists, out.rules->diags);
    }
    if (!out.rules->ok()) {
        throw std::runtime_error(text::render(out.rules->io_errors, text::Lang::en) +
                                 dsl::render_all(out.rules->diags, out.rules->sources, false, text::Lang::en));
    }
    out.program = engine::compile(*out.rules);
    return out;
}

data::LoadOptions load_options(const engine::Program& program, int year, bool official) {
    data::LoadOptions options;
    if (official) {
        options.units = data::official_lists();
    }
    options.year = year;
    options.program = &program;
    options.limits.data_file_bytes = 64ull << 30;
    options.limits.rows = 100'000'000;
    return options;
}

Checksum engine_checksum(const engine::Program& program, const engine::Dataset& data,
                         const engine::Evaluation& evaluation, std::uint32_t set) {
    Checksum sum;
    const engine::SetDef& def = program.sets[set];
    if (def.criterion_count != kCriteria) {
        throw std::runtime_error(fmt::format("set {} has {} criteria, the limit {}", def.name, def.criterion_count,
                                             kCriteria));
    }
    for (const engine::EntityResult& er : evaluation.entities) {
        const engine::Entity& e = data.entities[data.records[er.record].entity];
        if (e.kind != engine::EntityKind::xa || !er.judged) continue;
        for (std::uint32_t l = er.first_level; l < er.first_level + er.level_count; ++l) {
            const engine::LevelResult& lr = evaluation.levels[l];
            if (lr.set != set) continue;
            for (std::uint32_t c = 0; c < kCriteria; ++c) {
                const engine::Status s = evaluation.criteria[lr.first_criterion + c].status;
                sum.met[c] += s == engine::Status::met;
                sum.unknown[c] += s == engine::Status::unknown;
            }
            sum.all_met += lr.criteria == engine::Status::met;
            ++sum.communes;
            break;
        }
    }
    return sum;
}

bool checksums_agree(const engine::Program& program, const engine::Dataset& data, const std::string& csv, int year,
                     Checksum* limit_out) {
    const std::uint32_t set = program.set_index("xa_ntm_2021");
    if (set == engine::kNone) throw std::runtime_error("the rules have no set xa_ntm_2021");
    const engine::Evaluation forced = engine::evaluate(program, data, {year, 0, set});
    const Checksum ntm = engine_checksum(program, data, forced, set);

    std::vector<text::Problem> problems;
    text::SizeLimit no_limit;
    const std::optional<std::string> bytes = text::read_text_file(csv, problems, no_limit);
    if (!bytes) throw std::runtime_error(text::render(problems, text::Lang::en));
    const Checksum limit = evaluate(read_communes(*bytes, year), 1);
    if (limit_out != nullptr) *limit_out = limit;

    fmt::print(stderr, "ntm   checksum {}\nlimit checksum {}\n", ntm.line(), limit.line());
    if (ntm == limit) return true;
    fmt::print(stderr, "CHECKSUMS DIFFER: the limit and ntm do not judge {} the same way\n", csv);
    for (std::size_t c = 0; c < kCriteria; ++c) {
        if (ntm.met[c] != limit.met[c] || ntm.unknown[c] != limit.unknown[c]) {
            fmt::print(stderr, "  criterion {}: ntm met {} unknown {}, limit met {} unknown {}\n", c + 1, ntm.met[c],
                       ntm.unknown[c], limit.met[c], limit.unknown[c]);
        }
    }
    return false;
}

}  // namespace ntm::bench

// A small program embedding the engine: reads a data file (data/load.hpp), evaluates it and
// prints, for each commune that is not yet standard, the first thing that blocks it.  The
// explanation is data; report/words.hpp words it in Vietnamese.
//
//   ntm_embed_example RULES_DIR DATA_FILE YEAR
#include <cstdio>
#include <cstdlib>

#include "data/load.hpp"
#include "engine/ntm.hpp"
#include "report/words.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s RULES_DIR DATA_FILE YEAR\n", argv[0]);
        return 2;
    }
    try {
        const ntm::Engine engine = ntm::Engine::load({argv[1]});
        const ntm::engine::Dataset data = ntm::data::load_data(argv[2], engine.program().schema);
        const ntm::engine::Evaluation ev = engine.evaluate(data, std::atoi(argv[3]));
        for (std::uint32_t i = 0; i < ev.entities.size(); ++i) {
            const ntm::engine::EntityExplanation x = engine.explain(data, ev, i);
            if (x.kind != ntm::dsl::EntityKind::xa || !x.level_name.empty()) continue;
            const std::string first =
                x.blockers.empty() ? "—" : ntm::report::blocker_text(ntm::report::Lang::vi, x.blockers.front());
            std::printf("%s %s: %s\n", x.code.c_str(), x.name.c_str(), first.c_str());
        }
    } catch (const ntm::RulesError& e) {
        std::fputs(e.what(), stderr);
        return 1;
    } catch (const ntm::text::FileError& e) {
        std::fputs(ntm::text::render(e.problem, ntm::text::Lang::vi).c_str(), stderr);
        return 2;
    }
    return 0;
}

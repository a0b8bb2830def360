// Embedding the engine with data held in memory, as a portal with its own database would:
// no file is read, so only the engine library is linked (no workbook or JSON library).
//
//   ntm_embed_in_memory RULES_DIR
// judges one commune whose values are set here, and prints its level and criteria met.
#include <cstdio>
#include <string>

#include "engine/ntm.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s RULES_DIR\n", argv[0]);
        return 2;
    }
    try {
        const ntm::Engine engine = ntm::Engine::load({argv[1]});
        const ntm::engine::Schema& schema = engine.program().schema;
        const auto kind = ntm::engine::EntityKind::xa;

        ntm::engine::Dataset data;
        ntm::engine::Entity commune;
        commune.code = "20380";
        commune.name = "Tam Phước";
        commune.type = "Xã";
        commune.kind = kind;
        commune.region = ntm::engine::Region::DHNTB;
        data.entities.push_back(commune);
        // Every input unknown, then what this commune reported.
        data.values.assign(schema.slots(kind), ntm::engine::kUnknown);
        const auto set = [&](const char* column, double value) {
            if (const ntm::engine::Column* c = schema.find(kind, column)) data.values[c->slot] = value;
        };
        set("hai_long", 92);
        set("10", 50);
        data.records.push_back({0, 2024, {}, 0});
        data.read = 1;

        const ntm::engine::Evaluation ev = engine.evaluate(data, 2024, 1);
        const ntm::engine::EntityExplanation x = engine.explain(data, ev, 0);
        std::printf("%s %s: %d/%d criteria met, %d lacking data; level %s\n", x.code.c_str(), x.name.c_str(),
                    x.criteria_met, x.criteria_total, x.criteria_unknown,
                    x.level_name.empty() ? "none" : x.level_name.c_str());
    } catch (const ntm::RulesError& e) {
        std::fputs(e.what(), stderr);
        return 1;
    }
    return 0;
}

// The report of the Phú Ninh golden case (tests/golden/eval/phu_ninh and its CSV data, 2024),
// built as `ntm report` builds it: what the report tests read.
#pragma once

#include <string>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/report.hpp"
#include "tests/support/support.hpp"

namespace support {

struct PhuNinhReport : CompiledRules {
    ntm::engine::Dataset data;
    ntm::engine::Evaluation evaluation;
    ntm::report::Report report;

    // `locality`: the code of the unit the report is of (empty: all the data).
    explicit PhuNinhReport(const std::string& locality = {})
        : CompiledRules(compile_rules(std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh")) {
        data = ntm::data::load_data(std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv",
                                    program.schema);
        evaluation = ntm::engine::evaluate(program, data, {2024, 2, ntm::engine::kNone});
        ntm::report::ReportOptions options;
        options.locality = locality.empty() ? ntm::engine::kNone : data.find(locality);
        options.data_file = "phu-ninh-2024.csv";
        report = ntm::report::build_report(program, data, evaluation, options);
    }
};

}  // namespace support

// The API of `ntm serve` (docs/api.md), apart from the transport: each call takes what a request
// carried and gives a Reply (status, media type, body), so that the routes are tested without a
// socket and the HTTP server (server/http.hpp) only moves bytes.
//
// Every call reads the rules from disk as they are at that moment (an edit saved is seen by the
// next call) and gives the same bytes as the command line: `evaluate` what `ntm eval --format
// json` prints.  Nothing is written but a request's upload, in the server's own folder, removed
// when the request ends.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/load.hpp"
#include "text/limits.hpp"
#include "text/message.hpp"

namespace ntm::server {

struct Reply {
    int status = 200;
    std::string type = "application/json; charset=utf-8";
    std::string body;
    std::size_t problems = 0;  // data problems of an evaluation (the X-NTM-Problems header)
    std::string disposition{};  // Content-Disposition, for a file to save
};

struct Config {
    std::string rules;                    // the rules folder (or file)
    std::vector<std::string> data;        // data files offered by name (their file name)
    bool official_units = true;           // --units none: localities not checked (test data)
    text::Limits limits;                  // what a rule text or a data file may hold
    std::string upload_dir = ".ntm-serve";  // where an upload is put while it is read
    unsigned threads = 0;                 // per evaluation (0: every core)
    // How long a request that reads data may take, counted from its start; past it the
    // evaluation stops and the answer is 503 (none: no bound).
    std::optional<std::chrono::milliseconds> max_time = std::chrono::seconds(120);
};

// What an evaluation or an explanation is asked for: a year (none: every year of the data; for
// an explanation, the latest of the entity's), a set to judge by instead of the one in force, and
// the data — a file offered by name, or an upload with its name.
struct DataRequest {
    std::optional<int> year;
    std::string set;
    std::string dataset;      // the name of an offered file
    std::string upload_name;  // an upload's file name (its extension says CSV, JSON or xlsx)
    std::string_view upload;  // its bytes
};

class Api {
public:
    explicit Api(Config config);
    ~Api();  // removes the upload folder, when left empty
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    Reply status() const;                 // GET  /api/v1/status
    Reply check(std::string_view body, text::Lang lang) const;  // POST /api/v1/check
    // GET /api/v1/rules: the levels, and the sets with their criteria and indicators.
    Reply rules(text::Lang lang) const;
    // GET /api/v1/rules/file?path=REL: a rule file's text.  PUT: saved, atomically, the text
    // before kept beside it as REL.bak; answered with the check of the rules as saved.  Saving is
    // refused (403) when the rules folder is not within the server's working folder.
    Reply rule_file(const std::string& file, text::Lang lang) const;
    Reply save_rule_file(const std::string& file, std::string_view text, text::Lang lang) const;
    Reply evaluate(const DataRequest& request, text::Lang lang) const;  // POST /api/v1/evaluate
    // POST /api/v1/explain: the entity of this code, as `ntm explain` words it and as the JSON of
    // an evaluation holds it.
    Reply explain(const DataRequest& request, const std::string& code, text::Lang lang) const;
    // POST /api/v1/diff: what an unsaved text of one rule file (`file`, `text`) would change,
    // rules and verdicts, against the rules on disk, as `ntm diff --format json` gives it.
    Reply diff(const DataRequest& request, const std::string& file, const std::string& text, text::Lang lang) const;
    // POST /api/v1/report: the report of a year (the one asked for, or the latest), of all the
    // data or of one `locality` (a code), in html, md, csv or xlsx, with the bytes `ntm report
    // --format F --out FILE` writes (csv: its tables one after the other, as `--out -` prints).
    Reply report(const DataRequest& request, const std::string& format, const std::string& locality,
                 text::Lang lang) const;

    // POST /api/v1/annotate: the data file — a workbook or CSV file, not JSON — given back as a
    // workbook with every problem on its cell, the bytes `ntm validate --annotate OUT.xlsx` writes.
    Reply annotate(const DataRequest& request, text::Lang lang) const;

    // The answer to a request that ran past Config::max_time (engine::TimeUp): 503, saying the bound.
    Reply time_up(text::Lang lang) const;

    // An error as the API gives every error: {"error": {"status", "message"}}.
    static Reply error(int status, const text::Message& message, text::Lang lang);

private:
    struct Loaded;
    // The rules and the data of a request; an error's reply when they cannot be had.
    std::optional<Reply> load(const DataRequest& request, text::Lang lang, Loaded& out,
                              const dsl::Overlay* overlay = nullptr) const;

    Config config_;
};

}  // namespace ntm::server

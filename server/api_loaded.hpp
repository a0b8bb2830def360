// What the calls that read data share (api_data.cpp, api_report.cpp): the folder an upload is
// put in, and the rules and data of one request.  Internal to server/.
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "data/load.hpp"
#include "dsl/pipeline.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"
#include "server/api.hpp"

namespace ntm::server {

// The folder an upload is put in while it is read; removed with everything in it when the
// request ends.
class UploadDir {
public:
    explicit UploadDir(const std::string& base) {
        static std::atomic<unsigned> next{0};
        path_ = (std::filesystem::path(base) / std::to_string(::getpid()) / std::to_string(next++)).string();
    }
    UploadDir(const UploadDir&) = delete;
    UploadDir& operator=(const UploadDir&) = delete;
    ~UploadDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    bool make() {
        std::error_code ec;
        std::filesystem::create_directories(path_, ec);
        return !ec;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// The rules compiled and the data read for one request.
struct Api::Loaded {
    // When the request must be answered by (Config::max_time); evaluations stop there.
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::unique_ptr<dsl::Rules> rules;
    engine::Program program;
    engine::Dataset data;
    std::string data_path;  // where it was read
    std::string data_file;  // as the answer names it: the offered file's path, the upload's name
    std::uint32_t set = engine::kNone;
    std::unique_ptr<UploadDir> upload;
    data::LoadOptions options;  // as the data was read

    // Throws engine::TimeUp past the deadline: between the steps of a request, where the
    // engine's own checks do not reach.
    void on_time() const {
        if (std::chrono::steady_clock::now() >= deadline) throw engine::TimeUp();
    }

    // The same, every year.
    data::LoadOptions options_without_year() const {
        data::LoadOptions whole = options;
        whole.year.reset();
        return whole;
    }

    // The upload's problems name it as the user does, not by where it was put.
    void name_problems(std::vector<text::Problem>& problems) const {
        for (text::Problem& p : problems) {
            if (p.where.file == data_path) p.where.file = data_file;
        }
    }
};

}  // namespace ntm::server

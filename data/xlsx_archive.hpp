// Internal to data/ (the .xlsx reader): an Excel workbook as a zip archive (libzip) of XML
// parts (expat).  Parts are streamed from the archive into the XML parser; a damaged archive, a
// missing part or XML that is not well-formed ends in a FileError naming the file and the part.
#pragma once

#include <expat.h>
#include <zip.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "text/problem.hpp"

namespace ntm::data {

// Ends every message about a damaged workbook.
inline constexpr std::string_view kResaveHelp =
    "; open it in Excel and save it again as Excel Workbook (.xlsx)";

class Archive {
public:
    explicit Archive(const std::string& path);  // throws FileError
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    const std::string& path() const { return path_; }
    bool has(const std::string& name) const;
    // Streams the part `name` to `sink(data, size)`, a last call with size 0 at its end; `what`
    // names it in errors ("sheet 'X'").
    void read(const std::string& name, const std::string& what,
              const std::function<void(const char*, std::size_t)>& sink) const;

private:
    text::FileError damaged(const std::string& what, const std::string& name,
                            const std::string& why) const;

    std::string path_;
    zip_t* zip_ = nullptr;
};

// What parse_part() calls for each element (by local name, without the namespace) and run of
// text.  A handler may throw FileError; it is passed through.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view /*element*/, const XML_Char** /*attributes*/) {}
    virtual void end(std::string_view /*element*/) {}
    virtual void text(std::string_view /*chars*/) {}
};

void parse_part(const Archive& zip, const std::string& name, const std::string& what,
                XmlHandler& handler);

// The attribute whose local name is `name`, or empty.
std::string_view attribute(const XML_Char** attrs, std::string_view name);

// Text as OOXML stores it: a control character is written _xHHHH_ (_x000D_ for a carriage
// return), and _x005F_ escapes an underscore.
std::string unescape(std::string s);

}  // namespace ntm::data

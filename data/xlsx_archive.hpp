// Internal to data/ (the .xlsx reader): an Excel workbook as a zip archive (libzip) of XML
// parts (expat).  Parts are streamed from the archive into the XML parser; a damaged archive, a
// missing part or XML that is not well-formed ends in a FileError naming the file and the part.
//
// A zip a few kilobytes long may unpack to gigabytes, and may say so or lie about it: no part is
// unpacked past `part_limit` bytes (text::Limits::string_bytes, error D0905), checked against
// the size the archive declares before inflating and counted while inflating.  A part with a
// document type declaration is refused: no workbook has one, and its entities could expand a
// small part without bound.
#pragma once

#include <expat.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "text/problem.hpp"

namespace ntm::data {

// Ends every message about a damaged workbook: "; open it in Excel and save it again …".
inline text::Message resave_help() { return text::say("xlsx.resave"); }

class Archive {
public:
    // Throws FileError, naming an Excel 97-2003 file or an encrypted workbook as such.
    Archive(const std::string& path, std::uint64_t part_limit);
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    const std::string& path() const { return path_; }
    bool has(const std::string& name) const;
    // Streams the part `name` to `sink(data, size)`, a last call with size 0 at its end; `what`
    // names it in errors ("sheet 'X'").
    void read(const std::string& name, const text::Message& what,
              const std::function<void(const char*, std::size_t)>& sink) const;

private:
    text::FileError damaged(const text::Message& what, const std::string& name,
                            const text::Message& why) const;

    text::FileError too_large(const text::Message& what, const std::string& name,
                              const text::Message& size) const;  // D0905

    std::string path_;
    std::uint64_t part_limit_;
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

void parse_part(const Archive& zip, const std::string& name, const text::Message& what,
                XmlHandler& handler);

// The attribute whose local name is `name`, or empty.
std::string_view attribute(const XML_Char** attrs, std::string_view name);

// Text as OOXML stores it: a control character is written _xHHHH_ (_x000D_ for a carriage
// return), and _x005F_ escapes an underscore.
std::string unescape(std::string s);

}  // namespace ntm::data

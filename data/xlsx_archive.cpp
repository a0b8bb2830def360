// An Excel workbook's zip archive and its XML parts (data/xlsx_archive.hpp).
#include "data/xlsx_archive.hpp"
#include "data/xlsx_reasons.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <fstream>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace ntm::data {

using text::FileError;

namespace {

// What a file that is no zip archive is, when it is an Office compound file (the container of
// Excel 97-2003 workbooks, and of .xlsx workbooks saved with a password): an encrypted workbook
// holds a stream named "EncryptedPackage" (its name in UTF-16 somewhere in the directory).
enum class Compound : std::uint8_t { none, legacy, encrypted };

Compound compound_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(8, '\0');
    if (!in.read(head.data(), 8) || head != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return Compound::none;
    std::string name;
    for (const char c : std::string_view("EncryptedPackage")) {
        name += c;
        name += '\0';
    }
    // The file's size is already within the limit of data files; it is read in pieces, each
    // searched with the end of the one before.
    std::string buf(1 << 16, '\0'), window;
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
        window.append(buf.data(), static_cast<std::size_t>(in.gcount()));
        if (window.find(name) != std::string::npos) return Compound::encrypted;
        window.erase(0, window.size() - std::min(window.size(), name.size()));
    }
    return Compound::legacy;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The archive

Archive::Archive(const std::string& path, std::uint64_t part_limit)
    : path_(path), part_limit_(part_limit) {
    int err = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (zip_ != nullptr) return;
    switch (err) {
        case ZIP_ER_NOENT:
        case ZIP_ER_OPEN:
        case ZIP_ER_READ:
            throw FileError{path, text::say("xlsx.cannot_open")};
        case ZIP_ER_NOZIP:
            switch (compound_file(path)) {
                case Compound::encrypted:
                    throw FileError{path, text::say("xlsx.encrypted")};
                case Compound::legacy:
                    throw FileError{path, text::say("xlsx.legacy", resave_help())};
                case Compound::none:
                    break;
            }
            throw FileError{path, text::say("xlsx.not_zip", resave_help())};
        default: {
            throw FileError{path, text::say("xlsx.damaged", zip_reason(err), resave_help())};
        }
    }
}

Archive::~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
}

bool Archive::has(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

void Archive::read(const std::string& name, const text::Message& what,
                   const std::function<void(const char*, std::size_t)>& sink) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0) {
        throw FileError{path_, text::say("xlsx.part_missing", what, name, resave_help())};
    }
    if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > part_limit_)
        throw too_large(what, name,
                        text::say("D0905.size", st.size, part_limit_));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(zip_, name.c_str(), 0),
                                                         zip_fclose);
    if (!f) throw damaged(what, name, zip_reason(zip_error_code_zip(zip_get_error(zip_))));
    // Counted as well: the declared size may be a lie, and libzip stops only at the end of the
    // compressed data.
    std::vector<char> buf(1 << 16);
    zip_uint64_t total = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(f.get(), buf.data(), buf.size());
        if (n < 0) throw damaged(what, name, zip_reason(zip_error_code_zip(zip_file_get_error(f.get()))));
        total += static_cast<zip_uint64_t>(n);
        if (total > part_limit_) {
            throw too_large(what, name,
                            text::say("D0905.unpacked", part_limit_, st.size));
        }
        sink(buf.data(), static_cast<std::size_t>(n));
        if (n == 0) return;
    }
}

FileError Archive::too_large(const text::Message& what, const std::string& name,
                             const text::Message& size) const {
    text::Problem p = text::file_problem(path_, text::say("D0905", what, name, size));
    p.code = "D0905";
    return FileError{std::move(p)};
}

FileError Archive::damaged(const text::Message& what, const std::string& name,
                           const text::Message& why) const {
    return FileError{path_, text::say("xlsx.part_unreadable", what, name, why, resave_help())};
}

// ---------------------------------------------------------------------------------------------
// XML

namespace {

// The local name of an expat name "namespace|local" (or "local").
std::string_view local(const XML_Char* name) {
    const std::string_view n(name);
    const std::size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

// Expat calls C callbacks: an exception must not cross them, so it is kept and rethrown.
struct ParseState {
    XmlHandler* handler;
    std::exception_ptr error;
    XML_Parser parser;
    FileError doctype;  // what a document type declaration is told
    template <class F>
    void guard(F&& f) {
        if (error) return;
        try {
            f();
        } catch (...) {
            error = std::current_exception();
            XML_StopParser(parser, XML_FALSE);
        }
    }
};

}  // namespace

std::string_view attribute(const XML_Char** attrs, std::string_view name) {
    for (; attrs[0] != nullptr; attrs += 2) {
        if (local(attrs[0]) == name) return attrs[1];
    }
    return {};
}

void parse_part(const Archive& zip, const std::string& name, const text::Message& what,
                XmlHandler& handler) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) throw FileError{zip.path(), text::say("xlsx.out_of_memory")};
    ParseState state{&handler, nullptr, parser.get(),
                     FileError{zip.path(), text::say("xlsx.doctype", what, name, resave_help())}};
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* el, const XML_Char** attrs) {
            auto* s = static_cast<ParseState*>(data);
            s->guard([&] { s->handler->start(local(el), attrs); });
        },
        [](void* data, const XML_Char* el) {
            auto* s = static_cast<ParseState*>(data);
            s->guard([&] { s->handler->end(local(el)); });
        });
    XML_SetStartDoctypeDeclHandler(
        parser.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* s = static_cast<ParseState*>(data);
            s->guard([&] { throw s->doctype; });
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
        auto* s = static_cast<ParseState*>(data);
        s->guard([&] { s->handler->text(std::string_view(text, static_cast<std::size_t>(len))); });
    });
    zip.read(name, what, [&](const char* data, std::size_t size) {
        if (state.error) return;
        if (XML_Parse(parser.get(), data, static_cast<int>(size), size == 0) == XML_STATUS_ERROR) {
            if (state.error) std::rethrow_exception(state.error);
            throw FileError{zip.path(),
                            text::say("xlsx.not_xml", what, name, XML_GetCurrentLineNumber(parser.get()),
                                      xml_reason(XML_GetErrorCode(parser.get())), resave_help())};
        }
    });
    if (state.error) std::rethrow_exception(state.error);
}

std::string unescape(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned v = 0;
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::from_chars(s.data() + i + 2, s.data() + i + 6, v, 16).ptr == s.data() + i + 6 &&
            v < 0x80) {
            out += static_cast<char>(v);
            i += 6;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace ntm::data

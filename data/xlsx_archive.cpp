// An Excel workbook's zip archive and its XML parts (data/xlsx_archive.hpp).
#include "data/xlsx_archive.hpp"

#include <fmt/format.h>

#include <charconv>
#include <exception>
#include <memory>
#include <type_traits>

namespace ntm::data {

using text::FileError;

namespace {

constexpr zip_uint64_t kMaxPart = 1ull << 31;  // uncompressed bytes of one part

std::string lowercase_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The archive

Archive::Archive(const std::string& path) : path_(path) {
    int err = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (zip_ != nullptr) return;
    switch (err) {
        case ZIP_ER_NOENT:
        case ZIP_ER_OPEN:
        case ZIP_ER_READ:
            throw FileError{path, "cannot open file"};
        case ZIP_ER_NOZIP:
            throw FileError{path, fmt::format("not an Excel workbook: the file is not a zip "
                                              "archive, as every .xlsx file is{}",
                                              kResaveHelp)};
        default: {
            zip_error_t e;
            zip_error_init_with_code(&e, err);
            const std::string why = zip_error_strerror(&e);
            zip_error_fini(&e);
            throw FileError{path, fmt::format("damaged Excel workbook ({}){}",
                                              lowercase_first(why), kResaveHelp)};
        }
    }
}

Archive::~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
}

bool Archive::has(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

void Archive::read(const std::string& name, const std::string& what,
                   const std::function<void(const char*, std::size_t)>& sink) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0) {
        throw FileError{path_, fmt::format("damaged Excel workbook: {} ({}) is missing{}", what,
                                           name, kResaveHelp)};
    }
    if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > kMaxPart) {
        throw FileError{path_, fmt::format("{} ({}) is too large: {} bytes, at most {}", what,
                                           name, st.size, kMaxPart)};
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(zip_, name.c_str(), 0),
                                                         zip_fclose);
    if (!f) throw damaged(what, name, zip_strerror(zip_));
    char buf[1 << 16];
    zip_uint64_t total = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
        if (n < 0) throw damaged(what, name, zip_file_strerror(f.get()));
        total += static_cast<zip_uint64_t>(n);
        if (total > kMaxPart) {
            throw FileError{path_, fmt::format("{} ({}) is too large: more than {} bytes", what,
                                               name, kMaxPart)};
        }
        sink(buf, static_cast<std::size_t>(n));
        if (n == 0) return;
    }
}

FileError Archive::damaged(const std::string& what, const std::string& name,
                           const std::string& why) const {
    return FileError{path_, fmt::format("damaged Excel workbook: {} ({}) cannot be read ({}){}",
                                        what, name, lowercase_first(why), kResaveHelp)};
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

void parse_part(const Archive& zip, const std::string& name, const std::string& what,
                XmlHandler& handler) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) throw FileError{zip.path(), "out of memory"};
    ParseState state{&handler, nullptr, parser.get()};
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
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
        auto* s = static_cast<ParseState*>(data);
        s->guard([&] { s->handler->text(std::string_view(text, static_cast<std::size_t>(len))); });
    });
    zip.read(name, what, [&](const char* data, std::size_t size) {
        if (state.error) return;
        if (XML_Parse(parser.get(), data, static_cast<int>(size), size == 0) == XML_STATUS_ERROR) {
            if (state.error) std::rethrow_exception(state.error);
            throw FileError{zip.path(),
                            fmt::format("damaged Excel workbook: {} is not valid XML ({} line {}: "
                                        "{}){}",
                                        what, name, XML_GetCurrentLineNumber(parser.get()),
                                        XML_ErrorString(XML_GetErrorCode(parser.get())),
                                        kResaveHelp)};
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

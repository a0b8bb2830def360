// The web app of `ntm serve` (index.html; app.js, pages.js, editor.js; app.css in this folder)
// and the API's
// description (openapi.json, served at /api/v1/openapi.json), built into the binary
// by embed.cmake: served from memory, it needs no file beside `ntm`, no build step and no
// network.  The app speaks only to the API (docs/api.md); docs/web.md says what it shows.
#pragma once

#include <span>
#include <string_view>

namespace ntm::web {

struct Asset {
    std::string_view path;  // "/app.js"
    std::string_view type;  // its media type
    std::string_view bytes;
};

// Every file of the app; "/index.html" is the page.
std::span<const Asset> assets();

// The file served at `path` ("/" is "/index.html"), or nullptr.
inline const Asset* find_asset(std::string_view path) {
    if (path == "/") path = "/index.html";
    for (const Asset& a : assets()) {
        if (a.path == path) return &a;
    }
    return nullptr;
}

}  // namespace ntm::web

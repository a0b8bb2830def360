// Rows of cells as the terminal text lays them out (report/text_eval.cpp): columns aligned by
// display width, control characters written by their code point.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

namespace ntm::report::terminal {

// One line as a terminal may show it: a control or invisible character (an escape sequence in a
// name from the data) written by its code point (text::printable), nothing cut.
inline std::string shown(std::string_view line) { return text::printable(line, std::string::npos); }

// The whole text so, line by line (text::printable_lines), is what reaches the terminal.  Table
// cells are shown before their width is measured, so that columns stay aligned.

// Rows of cells printed with columns aligned by display width, two spaces apart.
class Table {
public:
    enum Align { left, right };
    explicit Table(std::vector<Align> aligns) : aligns_(std::move(aligns)) {}
    void row(std::vector<std::string> cells) {
        for (std::string& c : cells) c = shown(c);
        rows_.push_back(std::move(cells));
    }
    bool empty() const { return rows_.empty(); }

    std::string render(const std::string& indent) const {
        std::vector<std::size_t> width(aligns_.size(), 0);
        for (const auto& r : rows_) {
            for (std::size_t c = 0; c < r.size() && c < width.size(); ++c) {
                width[c] = std::max<std::size_t>(width[c], text::display_width(r[c]));
            }
        }
        std::string out;
        for (const auto& r : rows_) {
            std::string line = indent;
            for (std::size_t c = 0; c < r.size() && c < width.size(); ++c) {
                const std::size_t pad = width[c] - text::display_width(r[c]);
                if (c > 0) line += "  ";
                if (aligns_[c] == right) line.append(pad, ' ');
                line += r[c];
                if (aligns_[c] == left && c + 1 < r.size()) line.append(pad, ' ');
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
        return out;
    }

private:
    std::vector<Align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace ntm::report::terminal

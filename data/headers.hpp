// The words of the data-entry template (report/xlsx_template.cpp) that the readers take back:
// the header of each input ("2.1 Tỷ lệ đường xã được nhựa hóa … (%)"), yes/no in the words of
// the indicator ("có/không", "đạt/chưa đạt") and the levels of recognition in words ("Đạt
// chuẩn", "Nâng cao").  The writer and the readers use the same functions, so that a template
// filled in is read as it was written (docs/data-format.md, "The data-entry template").
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "engine/program.hpp"

namespace ntm::data {

// Whether a yes/no input is a judgement (an indicator's result, or a title starting "Đạt …"),
// written "đạt/chưa đạt", rather than a fact ("Xã đặc biệt khó khăn"), written "có/không".
bool pass_fail(const engine::Column& column);
// The two words of a yes/no input, yes first: {"đạt", "chưa đạt"} or {"có", "không"}.
std::pair<std::string_view, std::string_view> yes_no_words(const engine::Column& column);

// The unit an input's header ends with, in brackets: "%", "km", "đạt/chưa đạt", "có/không";
// empty for plain numbers and counts.
std::string header_unit(const engine::Column& column);
// The header the template writes for an input: "CODE TITLE (UNIT)" for an indicator's own
// column (named by its code), "TITLE (UNIT)" for a field; `title` is the one to show (the
// indicator's in the set in force, which may differ from the schema's).  No title: the name.
std::string input_header(const engine::Column& column, std::string_view title);

// The input a header names when it is no input's name: a template header (its code, for an
// indicator's column, or its title, with or without the unit in brackets).  Empty when none.
// Compared in NFC, letter case and runs of blanks aside (text::fold).
std::string input_named_by(const engine::Schema& schema, std::string_view header);

// A level of recognition in words: "Đạt chuẩn" for dat_chuan and huyen_dat_chuan, "Nâng cao",
// "Kiểu mẫu", "Hiện đại", "Hoàn thành"; the name itself for a level it does not know.
std::string level_word(std::string_view level);
// The level of `kind` that `text` names, by its name or in words (with or without
// diacritics); empty when none.
std::string level_named_by(const engine::Schema& schema, engine::EntityKind kind, std::string_view text);

}  // namespace ntm::data

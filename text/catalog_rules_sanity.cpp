// The catalogue's rule-text part (text/message.hpp), continued: the mistakes people really
// make in rules that are well formed — a figure at the wrong scale (W0302, E0309), a
// provincial set looser than the set it extends (W0403), a comparison turned around (E0414),
// a locality that is no unit (E0611, checked against the official lists by data/), a
// criterion no body is in charge of (W0603).
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    // W0302, E0309: a figure at the wrong scale.
    {"W0302", "ngưỡng {} của chỉ tiêu {} (tính theo %) có vẻ được viết dưới dạng phân số",
     "threshold {} of indicator {} (in percent) looks like a fraction"},
    {"W0302.note", "các ngưỡng khác của chỉ tiêu này viết theo phần trăm, như {} ở đây",
     "the indicator's other thresholds are in percent, such as {} here"},
    {"W0302.help", "nếu là {0}%, hãy viết {0}", "if it means {0}%, write {0}"},
    {"E0309", "ngưỡng {} {} của chỉ tiêu {} lớn bất thường: con số này được viết theo đồng",
     "threshold {} {} of indicator {} is far too large: the figure is written in đồng"},
    {"E0309.help", "tính theo {1}, hãy viết {0}", "in {1}, write {0}"},

    // W0403, E0414: an override against the set it extends.
    {"W0403.lower", "bộ tiêu chí của địa phương '{0}' hạ yêu cầu tối thiểu của chỉ tiêu {1} xuống '{2}', thấp hơn '{4}' của bộ tiêu chí '{3}' mà nó mở rộng",
     "provincial set '{0}' lowers the minimum of indicator {1} to '{2}', below '{4}' of set '{3}' it extends"},
    {"W0403.upper", "bộ tiêu chí của địa phương '{0}' nâng mức tối đa của chỉ tiêu {1} lên '{2}', cao hơn '{4}' của bộ tiêu chí '{3}' mà nó mở rộng",
     "provincial set '{0}' raises the maximum of indicator {1} to '{2}', above '{4}' of set '{3}' it extends"},
    {"W0403.lower_many", "bộ tiêu chí của địa phương '{0}' hạ yêu cầu tối thiểu của chỉ tiêu {1} xuống '{2}', thấp hơn mức của bộ tiêu chí '{3}' mà nó mở rộng",
     "provincial set '{0}' lowers the minimum of indicator {1} to '{2}', below that of set '{3}' it extends"},
    {"W0403.upper_many", "bộ tiêu chí của địa phương '{0}' nâng mức tối đa của chỉ tiêu {1} lên '{2}', cao hơn mức của bộ tiêu chí '{3}' mà nó mở rộng",
     "provincial set '{0}' raises the maximum of indicator {1} to '{2}', above that of set '{3}' it extends"},
    {"W0403.remove_criterion", "bộ tiêu chí của địa phương '{0}' bỏ tiêu chí {1} mà bộ tiêu chí '{2}' yêu cầu",
     "provincial set '{0}' removes criterion {1}, which set '{2}' requires"},
    {"W0403.remove_indicator", "bộ tiêu chí của địa phương '{0}' bỏ chỉ tiêu {1} mà bộ tiêu chí '{2}' yêu cầu",
     "provincial set '{0}' removes indicator {1}, which set '{2}' requires"},
    {"W0403.note", "bộ tiêu chí '{}' yêu cầu '{}' ở đây", "set '{}' requires '{}' here"},
    {"W0403.note_declared", "được khai báo trong bộ tiêu chí '{}' ở đây", "declared in set '{}' here"},
    {"W0403.help.lower", "bộ tiêu chí của địa phương chỉ được đặt yêu cầu cao hơn: ghi '{}' hoặc mức cao hơn",
     "a provincial set may only be stricter: write '{}' or a higher figure"},
    {"W0403.help.upper", "bộ tiêu chí của địa phương chỉ được đặt yêu cầu cao hơn: ghi '{}' hoặc mức thấp hơn",
     "a provincial set may only be stricter: write '{}' or a lower figure"},
    {"W0403.help.remove", "bộ tiêu chí của địa phương chỉ được đặt yêu cầu cao hơn: giữ lại, hoặc dùng 'override' để đặt mức cao hơn",
     "a provincial set may only be stricter: keep it, or 'override' it with a stricter figure"},
    {"E0414", "'require {0}' của chỉ tiêu {1} trong bộ tiêu chí '{2}' ngược chiều với 'require {3}' của bộ tiêu chí gốc",
     "'require {0}' of indicator {1} in set '{2}' is the opposite of 'require {3}' in its base set"},
    {"E0414.note", "bộ tiêu chí gốc '{}' so sánh bằng '{}' ở đây", "base set '{}' compares with '{}' here"},
    {"E0414.help", "so sánh cùng chiều với bộ tiêu chí gốc ('require {}'), chỉ thay mức",
     "compare the same way as the base set ('require {}'), changing only the figure"},

    // W0603: a criterion no body is in charge of.
    {"W0603", "tiêu chí {} của bộ tiêu chí '{}' chưa được phân công cho cơ quan nào {}",
     "no body is in charge of criterion {} of set '{}' {}"},
    {"W0603.locality", "ở địa bàn \"{}\"", "for locality \"{}\""},
    {"W0603.everywhere", "ở mọi địa bàn", "anywhere"},
    {"W0603.note_block", "phân công '{}' có hiệu lực ở đó", "assignments '{}' are in force there"},
    {"W0603.note_declared", "tiêu chí được khai báo trong bộ tiêu chí '{}' ở đây", "criterion declared in set '{}' here"},
    {"W0603.help", "thêm 'criterion {0} -> <cơ quan>' vào một phân công có 'sets' ghi '{1}' hoặc bộ tiêu chí mà nó mở rộng",
     "add 'criterion {0} -> <body>' to assignments whose 'sets' name '{1}' or a set it extends"},

    // E0611: a locality that is no unit (data/localities.cpp).
    {"E0611", "không có đơn vị hành chính nào mã \"{}\" trong danh mục chính thức",
     "no unit has code \"{}\" in the official lists"},
    {"E0611.help", "có phải là \"{}\" ({})?", "did you mean \"{}\" ({})?"},
    {"E0611.help_none", "ghi mã chính thức của tỉnh, huyện hoặc xã; với dữ liệu thử, dùng --units none",
     "write the official code of a province, district or commune; for test data, use --units none"},
    {"cli.check.units", "Đối chiếu mã địa bàn (locality) trong quy tắc với danh mục đơn vị hành chính chính thức (official, mặc định), hoặc không (none: quy tắc cho số liệu thử)",
     "Check the locality codes of the rules against the official lists of units (official, the default), or not (none: rules for test data)"},
};

}  // namespace

std::span<const CatalogEntry> catalog_rules_sanity() { return entries; }

}  // namespace ntm::text

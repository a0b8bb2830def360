// Every phrase `ntm test` prints, in Vietnamese (the statuses, numbers and region names are
// report/words.hpp's).  Patterns hold {} for the values, in the order each comment gives.
#pragma once

namespace ntm::ruletest::words {

// Results
inline constexpr const char* kFileLine = "{}: {} bài kiểm tra — {} đạt, {} không đạt";  // path, tests, passed, failed
inline constexpr const char* kRuns = " ({} lần chạy)";                                 // runs, after a test's name
inline constexpr const char* kTotal = "Tổng cộng: {} tệp, {} bài kiểm tra, {} lần chạy — {} đạt, {} không đạt";
inline constexpr const char* kNoTests = "{}: không có bài kiểm tra nào";                // path
inline constexpr const char* kRunHead = "{}: {}";                                      // place, the run ("năm 2024, vùng DHNTB")
inline constexpr const char* kYear = "năm {}";
inline constexpr const char* kRegion = "vùng {}";
inline constexpr const char* kMember = "{} {}";                                        // category, member
inline constexpr const char* kMoreRuns = "… và {} lần chạy khác cũng không đạt";
inline constexpr const char* kActual = "Kết quả thực tế:";
inline constexpr const char* kExpectedActual = "{}: mong đợi {} — thực tế {}";  // what, expected, actual
inline constexpr const char* kUnplaced = "không đặt được đơn vị vào nhóm {} của {} với các số liệu đã cho";  // member, category

// What an expectation is about
inline constexpr const char* kIndicator = "chỉ tiêu {}";            // code
inline constexpr const char* kCriterion = "tiêu chí {}";            // code
inline constexpr const char* kThreshold = "ngưỡng của chỉ tiêu {}"; // code
inline constexpr const char* kInLevel = " (mức {})";               // level name, when not the first level
inline constexpr const char* kCriteriaMet = "số tiêu chí đạt";
inline constexpr const char* kHighestLevel = "mức đạt cao nhất";
inline constexpr const char* kLevel = "mức {}";                     // level name
inline constexpr const char* kGate = "điều kiện {} của mức {}";     // gate, level
inline constexpr const char* kRevocation = "thu hồi theo {}";       // rule
inline constexpr const char* kCategory = "nhóm theo {}";            // category
inline constexpr const char* kNoLevel = "chưa đạt mức nào";
inline constexpr const char* kNoSet = "mức {} không có bộ tiêu chí năm {}";       // level, year
inline constexpr const char* kNotInSet = "không có trong bộ tiêu chí {}";         // set
inline constexpr const char* kUndecided = "chưa xác định được (thiếu dữ liệu)";
inline constexpr const char* kValueAgainst = "{} (giá trị {}, ngưỡng {})";       // status, value, threshold
inline constexpr const char* kBranch = "{}, trường hợp {}";                       // verdict, branch
inline constexpr const char* kRevoke = "đề nghị thu hồi";
inline constexpr const char* kMayRevoke = "có thể bị thu hồi (thiếu dữ liệu)";
inline constexpr const char* kKeep = "không thu hồi";
inline constexpr const char* kNotApplicable = "không áp dụng";

// Coverage
inline constexpr const char* kCoverageHead = "ĐỘ PHỦ CỦA CÁC BÀI KIỂM TRA";
inline constexpr const char* kSetHead = "Bộ tiêu chí {} — {}";  // name, title
inline constexpr const char* kNotTested = "chưa có bài kiểm tra nào xét bộ tiêu chí này";
inline constexpr const char* kIndicators = "Chỉ tiêu đã có kết quả đạt và chưa đạt";
inline constexpr const char* kCells = "Ô ngưỡng đã xét cả hai phía";
inline constexpr const char* kLevels = "Yêu cầu của các mức đã xét cả hai phía";
inline constexpr const char* kBranches = "Trường hợp thu hồi đã có kết quả thu hồi và không thu hồi";
inline constexpr const char* kCount = "{}/{} ({})";                 // covered, total, share
inline constexpr const char* kOneSide = "; {} mới xét một phía";    // count
inline constexpr const char* kUncovered = "Chưa xét phía nào:";
inline constexpr const char* kHalf = "Mới xét một phía:";
inline constexpr const char* kOnlyMet = "{} — chưa có kết quả không đạt";     // item
inline constexpr const char* kOnlyNotMet = "{} — chưa có kết quả đạt";        // item
inline constexpr const char* kCellItem = "ô ngưỡng của chỉ tiêu {}{}: {}";    // code, path, value
inline constexpr const char* kUpper = "cận trên";
inline constexpr const char* kYesNoItem = "chỉ tiêu {} (đạt / không đạt)";   // code
inline constexpr const char* kIndicatorItem = "chỉ tiêu {}";
inline constexpr const char* kCriteriaItem = "mức {}: đạt mọi tiêu chí của bộ";  // level
inline constexpr const char* kPrerequisiteItem = "mức {}: đạt mức trước nó";      // level
inline constexpr const char* kGateItem = "mức {}: điều kiện {}";                  // level, gate
inline constexpr const char* kBranchItem = "thu hồi theo {}, trường hợp {}";     // rule, branch
inline constexpr const char* kOnlyRevoked = "{} — chưa có kết quả không thu hồi";
inline constexpr const char* kOnlyKept = "{} — chưa có kết quả thu hồi theo trường hợp này";
inline constexpr const char* kWhen = "khi {}";
inline constexpr const char* kOtherwise = "trường hợp còn lại";
inline constexpr const char* kNoSuchSet = "không có bộ tiêu chí nào tên '{}'";

}  // namespace ntm::ruletest::words

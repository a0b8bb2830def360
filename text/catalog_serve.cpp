// The catalogue's part for `ntm serve` (server/, cli/cmd_serve.cpp): its options, the lines it
// prints, and the messages of the API's errors.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"cli.serve", "Phục vụ API (và ứng dụng web) trên máy này, qua HTTP",
     "Serve the API (and the web app) on this machine, over HTTP"},
    {"cli.serve.rules", "Thư mục (hoặc tệp) luật; mỗi yêu cầu đọc luật như đang có trên đĩa",
     "The rules folder (or file); every request reads the rules as they are on disk"},
    {"cli.serve.data", "Tệp dữ liệu đưa ra theo tên tệp (lặp lại được)",
     "A data file offered by its file name (repeatable)"},
    {"cli.serve.port", "Cổng (mặc định 8080; 0: một cổng còn trống)",
     "The port (default 8080; 0: any free port)"},
    {"cli.serve.bind", "Địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)",
     "The address to listen on (default 127.0.0.1: this machine only)"},
    {"cli.serve.allow_remote", "Cho phép lắng nghe trên địa chỉ khác địa chỉ nội bộ (cần --token)",
     "Allow an address other than the loopback (needs --token)"},
    {"cli.serve.token", "Mã mà mọi yêu cầu phải gửi kèm: 'Authorization: Bearer MÃ'",
     "A token every request must carry: 'Authorization: Bearer TOKEN'"},
    {"cli.serve.max_body", "Cỡ tối đa của một yêu cầu, theo MB (mặc định 64): lớn hơn thì trả 413",
     "The largest request body, in MB (default 64): larger is refused with 413"},
    {"cli.serve.max_busy", "Số yêu cầu trong máy chủ cùng lúc, đang chờ hoặc đang xử lý (mặc định 64): thêm nữa thì trả 503",
     "Requests in the server at once, waiting or being answered (default 64): more are refused with 503"},
    {"cli.serve.threads", "Số luồng trả lời yêu cầu (mặc định 4); mỗi lần đánh giá dùng --threads",
     "Threads answering requests (default 4); each evaluation uses --threads"},
    {"serve.listening", "đang phục vụ tại {} (Ctrl+C để dừng)", "serving at {} (Ctrl+C to stop)"},
    {"serve.remote_needs_token",
     "'{}' không phải địa chỉ nội bộ: để máy khác truy cập, hãy thêm --allow-remote và --token MÃ",
     "'{}' is not a loopback address: to let other machines in, add --allow-remote and --token TOKEN"},
    {"serve.remote_warning",
     "cảnh báo: đang lắng nghe trên {}: máy khác trong mạng có thể truy cập, chỉ với mã đã cho",
     "warning: listening on {}: other machines on the network can reach it, with the token only"},
    {"serve.cannot_bind", "không lắng nghe được trên {}:{} (cổng đang dùng, hoặc không được phép)",
     "cannot listen on {}:{} (the port is in use, or not allowed)"},
    {"serve.unauthorized", "thiếu mã hoặc mã không đúng: gửi kèm 'Authorization: Bearer MÃ'",
     "no token or a wrong one: send 'Authorization: Bearer TOKEN'"},
    {"serve.busy", "máy chủ đang có {} yêu cầu, mức tối đa: hãy thử lại sau giây lát",
     "the server holds {} requests, its most: try again in a moment"},
    {"serve.too_large", "yêu cầu lớn hơn {} byte, mức tối đa (ntm serve --max-body-mb)",
     "the request is larger than {} bytes, the most allowed (ntm serve --max-body-mb)"},
    {"serve.no_route", "không có {} {} trong API; xem docs/api.md", "there is no {} {} in the API; see docs/api.md"},
    {"serve.http_error", "lỗi HTTP {}", "HTTP error {}"},
    {"serve.out_of_memory", "không đủ bộ nhớ cho yêu cầu này", "not enough memory for this request"},
    {"serve.internal", "lỗi bên trong máy chủ: {}; máy chủ vẫn chạy", "internal server error: {}; the server goes on"},
    {"serve.check.not_json", "nội dung yêu cầu không phải một đối tượng JSON",
     "the request body is not a JSON object"},
    {"serve.check.fields", "cần hai trường chuỗi 'file' (tệp luật, đường dẫn trong thư mục luật) và 'text' (nội dung)",
     "two string fields are needed: 'file' (the rule file, a path within the rules folder) and 'text' (its text)"},
    {"serve.check.bad_file", "'{}' không phải một tệp .ntm trong thư mục luật",
     "'{}' is not a .ntm file within the rules folder"},
    {"serve.no_dataset", "không có tệp dữ liệu tên '{}'; xem /api/v1/status",
     "there is no data file named '{}'; see /api/v1/status"},
    {"serve.no_data", "không có dữ liệu: gửi tệp trong nội dung yêu cầu (với ?name=TỆP.csv), hoặc ?dataset=TÊN",
     "no data: send a file as the request body (with ?name=FILE.csv), or ?dataset=NAME"},
    {"serve.upload_name", "tên tệp '{}' không cho biết định dạng: dùng .csv, .json hoặc .xlsx",
     "the file name '{}' does not say the format: use .csv, .json or .xlsx"},
    {"serve.upload_dir", "không tạo được thư mục tạm '{}'", "cannot make the temporary folder '{}'"},
    {"serve.upload_write", "không ghi được tệp tải lên '{}': {}", "cannot write the upload '{}': {}"},
    {"serve.no_entity_given", "cần ?entity=MÃ: mã của đơn vị cần giải thích", "?entity=CODE is needed: the code of the unit to explain"},
    {"serve.no_entity", "không có đơn vị mã '{}' trong {}", "there is no unit with code '{}' in {}"},
    {"serve.no_entity_record", "đơn vị mã '{}' không có bản ghi nào của năm đã chọn", "the unit with code '{}' has no record of the year asked for"},
    {"serve.save_outside", "không lưu '{}': thư mục luật không nằm trong thư mục làm việc của máy chủ",
     "'{}' not saved: the rules folder is not within the server's working folder"},
    {"serve.save_failed", "không lưu được '{}': {}", "cannot save '{}': {}"},
    {"serve.report_format", "định dạng báo cáo '{}' không có: dùng html, md, csv hoặc xlsx",
     "there is no report format '{}': use html, md, csv or xlsx"},
    {"serve.no_set", "không có bộ tiêu chí tên '{}'", "there is no criteria set named '{}'"},
    {"serve.bad_year", "'{}' không phải một năm", "'{}' is not a year"},
    {"serve.write_failed", "không ghi được kết quả", "cannot write the result"},
};

}  // namespace

std::span<const CatalogEntry> catalog_serve() { return entries; }

}  // namespace ntm::text

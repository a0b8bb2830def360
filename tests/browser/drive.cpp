// The web app of `ntm serve` driven as a person uses it, in headless Chromium through ChromeDriver
// (the W3C WebDriver protocol, JSON over HTTP): a workbook uploaded through the page's file
// field, the overview with its data problems by cell, a district, a commune and its
// explanation, and the workbook downloaded back with a note on each cell a problem is about;
// then the rule editor — a mistake typed shows its diagnostic under the text, a
// change typed shows which communes it moves before saving, and saving writes the file with
// the text before kept as .bak.  Each step's screenshot is kept.  drive.sh starts the server
// and ChromeDriver and gives their ports.
//
//   ntm_web_drive DRIVER_PORT APP_PORT CHROMIUM WORKBOOK RULE_FILE OUTDIR
//
// Exits 0 when every step saw what it waited for; otherwise prints the step, what it waited
// for and the page's text, and exits 1.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

using nlohmann::json;

struct Failed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Standard base64, for the screenshots ChromeDriver sends.
std::string unbase64(const std::string& in) {
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (const char c : in) {
        int v = -1;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+') v = 62;
        else if (c == '/') v = 63;
        if (v < 0) continue;
        bits = (bits << 6) | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out.push_back(static_cast<char>((bits >> count) & 0xFF));
        }
    }
    return out;
}

class Browser {
public:
    // Files the page downloads go to `downloads`.
    Browser(int driver_port, const std::string& chromium, const std::string& profile, const std::string& downloads)
        : http_("127.0.0.1", driver_port) {
        http_.set_read_timeout(120, 0);
        const json caps = {{"capabilities",
                            {{"alwaysMatch",
                              {{"browserName", "chrome"},
                               {"goog:chromeOptions",
                                {{"binary", chromium},
                                 {"prefs", {{"download.default_directory", downloads}, {"download.prompt_for_download", false}}},
                                 {"args", {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                           "--disable-extensions", "--window-size=1366,768", "--user-data-dir=" + profile}}}}}}}}};
        session_ = call("POST", "/session", caps)["sessionId"].get<std::string>();
    }
    ~Browser() {
        if (!session_.empty()) http_.Delete(("/session/" + session_).c_str());
    }
    Browser(const Browser&) = delete;
    Browser& operator=(const Browser&) = delete;

    void go(const std::string& url) { call("POST", at("/url"), {{"url", url}}); }
    std::string find(const std::string& css) {
        const json v = call("POST", at("/element"), {{"using", "css selector"}, {"value", css}});
        return v.begin().value().get<std::string>();  // {"element-6066-…": id}
    }
    void click(const std::string& css) { call("POST", at("/element/" + find(css) + "/click"), json::object()); }
    void type(const std::string& css, const std::string& text) {
        call("POST", at("/element/" + find(css) + "/value"), {{"text", text}});
    }
    json script(const std::string& body, const json& args = json::array()) {
        return call("POST", at("/execute/sync"), {{"script", body}, {"args", args}});
    }
    std::string text(const std::string& css) {
        return script("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", {css}).get<std::string>();
    }
    // Waits up to 30 s for the element's text to hold `wanted`.
    void wait_for(const std::string& css, const std::string& wanted) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        std::string seen;
        while (std::chrono::steady_clock::now() < end) {
            seen = text(css);
            if (seen.find(wanted) != std::string::npos) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        throw Failed("waited for '" + wanted + "' in " + css + "; it holds:\n" + seen);
    }
    void screenshot(const std::string& path) {
        std::ofstream(path, std::ios::binary) << unbase64(call("GET", at("/screenshot"), nullptr).get<std::string>());
    }

private:
    std::string at(const std::string& path) const { return "/session/" + session_ + path; }
    json call(const std::string& method, const std::string& path, const json& body) {
        const std::string payload = body.is_null() ? std::string() : body.dump();
        const httplib::Result r = method == "GET" ? http_.Get(path.c_str())
                                                  : http_.Post(path.c_str(), payload, "application/json");
        if (!r) throw Failed(method + " " + path + ": no answer from ChromeDriver");
        const json j = json::parse(r->body, nullptr, false);
        if (r->status != 200 || j.is_discarded() || !j.contains("value")) {
            throw Failed(method + " " + path + ": " + std::to_string(r->status) + " " + r->body.substr(0, 2000));
        }
        return j["value"];
    }

    httplib::Client http_;
    std::string session_;
};

void step(const char* what) {
    std::printf("- %s\n", what);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 7) {
        std::fprintf(stderr, "usage: %s DRIVER_PORT APP_PORT CHROMIUM WORKBOOK RULE_FILE OUTDIR\n", argv[0]);
        return 2;
    }
    const int driver_port = std::stoi(argv[1]);
    const std::string app = std::string("http://127.0.0.1:") + argv[2] + "/";
    const std::string chromium = argv[3], workbook = argv[4], rule_file = argv[5], out = argv[6];
    try {
        Browser b(driver_port, chromium, out + "/profile", out);
        const std::string rules_before = read(rule_file);

        step("the workbook uploaded through the page's file field");
        b.go(app + "#/");
        b.wait_for("#dataset", "— chọn —");  // the page has asked the server what it offers
        b.type("#upload", workbook);
        b.wait_for("#main", "Tổng quan năm 2024 — du-lieu.xlsx");
        step("its data problems, each by its cell, with the workbook given back annotated");
        b.wait_for("#main", "Vấn đề của dữ liệu: 7");
        b.wait_for("#main", "'Xã 2024'!H6");
        b.wait_for("#ghi-chu", "Tải tệp dữ liệu có ghi chú tại từng ô");
        b.screenshot(out + "/1-tong-quan.png");
        b.click("#ghi-chu");
        const std::string noted = out + "/du-lieu-ghi-chu.xlsx";
        for (int i = 0; i < 300 && read(noted).rfind("PK", 0) != 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (read(noted).rfind("PK", 0) != 0) throw Failed("the annotated workbook was not downloaded to " + noted);

        step("a district, then one of its communes, then its explanation");
        b.click("#main table a[href^='#/xa?cap-tren=']");
        b.wait_for("#main", "Các xã năm 2024");
        b.screenshot(out + "/2-huyen.png");
        b.click("#main table a[href^='#/xa/']");
        b.wait_for("#main", "Lời giải thích đầy đủ");
        b.wait_for("#main pre", "(mã ");  // the text of ntm explain, for the upload sent again
        b.screenshot(out + "/3-xa.png");

        step("the rule editor: a mistake typed shows its diagnostic, with its line and code");
        b.go(app + "#/luat?tep=tieu-chi.ntm");
        b.wait_for("#main", "0 lỗi");
        b.script("const a = document.querySelector('textarea'); a.focus(); a.setSelectionRange(a.value.length, a.value.length);");
        b.type("textarea", "\nlevel {\n");
        b.wait_for("#diagnostics", "tieu-chi.ntm:");
        b.wait_for("#diagnostics", "lỗi [E");
        b.script("document.querySelector('#diagnostics').scrollIntoView({block: 'end'});");
        b.screenshot(out + "/4-luat-loi.png");

        step("a change typed: which communes it moves, before saving, on the uploaded workbook");
        b.script(R"(const a = document.querySelector('textarea');
                    a.value = a.value.replace('\nlevel {\n', '').replace('require >= 100', 'require >= 50');
                    a.dispatchEvent(new Event('input'));)");
        b.wait_for("#main", "0 lỗi");
        b.click("#xem-tac-dong");
        b.wait_for("#impact", "Nếu lưu: 1 thay đổi trong luật");
        b.wait_for("#impact", "đơn vị đổi kết quả");
        b.script("document.querySelector('#impact').scrollIntoView({block: 'end'});");
        b.screenshot(out + "/5-luat-tac-dong.png");
        if (read(rule_file) != rules_before) throw Failed("the rule file changed before it was saved");

        step("saved: the file as typed, the text before kept as .bak");
        b.click("#luu");
        b.wait_for("#state", "Đã lưu tieu-chi.ntm");
        if (read(rule_file).find("require >= 50") == std::string::npos) throw Failed("the change typed was not saved");
        if (read(rule_file + ".bak") != rules_before) throw Failed("the .bak does not hold the text before");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "failed: %s\n", e.what());
        return 1;
    }
    std::printf("every step seen; screenshots in %s\n", out.c_str());
    return 0;
}

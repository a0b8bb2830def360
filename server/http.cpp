// The HTTP side of `ntm serve`: see http.hpp.
#include "server/http.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <new>

#include "engine/evaluate.hpp"
#include "web/assets.hpp"

namespace ntm::server {

namespace {

using text::say;

// The language of the messages: ?lang=en, or an Accept-Language that starts with "en";
// Vietnamese otherwise.
text::Lang lang_of(const httplib::Request& req) {
    if (req.has_param("lang")) return req.get_param_value("lang") == "en" ? text::Lang::en : text::Lang::vi;
    const std::string accept = req.get_header_value("Accept-Language");
    return accept.rfind("en", 0) == 0 ? text::Lang::en : text::Lang::vi;
}

void send(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    if (reply.problems > 0) res.set_header("X-NTM-Problems", std::to_string(reply.problems));
    if (!reply.disposition.empty()) res.set_header("Content-Disposition", reply.disposition);
    res.set_content(reply.body, reply.type.c_str());
}

// The data a request names (?dataset=, or its body with ?name=), its ?year= and ?set=; false
// when the year is not a number.  The body stays the request's: `r.upload` views it.
bool data_request(const httplib::Request& req, DataRequest& r) {
    if (req.has_param("year")) {
        const std::string v = req.get_param_value("year");
        int year = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), year);
        if (ec != std::errc() || end != v.data() + v.size()) return false;
        r.year = year;
    }
    r.set = req.get_param_value("set");
    r.dataset = req.get_param_value("dataset");
    r.upload_name = req.get_param_value("name");
    r.upload = req.body;
    return true;
}

// The threads that take connections, counting the connections in the server: waiting for a
// thread or being answered.  A request that finds more than `max_busy` there (itself included)
// is answered 503 at once, without its work: a burst waits a bounded time, never a queue
// without end behind slow evaluations.
class CountingPool : public httplib::TaskQueue {
public:
    CountingPool(unsigned threads, std::atomic<unsigned>& in_server) : threads_(threads), in_server_(in_server) {}
    void enqueue(std::function<void()> fn) override {
        in_server_.fetch_add(1);
        threads_.enqueue([this, fn = std::move(fn)] {
            struct Leave {
                std::atomic<unsigned>& n;
                ~Leave() { n.fetch_sub(1); }
            } leave{in_server_};
            fn();
        });
    }
    void shutdown() override { threads_.shutdown(); }

private:
    httplib::ThreadPool threads_;
    std::atomic<unsigned>& in_server_;
};

}  // namespace

struct HttpServer::Impl {
    Api api;
    HttpOptions options;
    httplib::Server http;
    std::atomic<unsigned> in_server{0};  // connections waiting for a thread or being answered

    Impl(Config config, HttpOptions o) : api(std::move(config)), options(std::move(o)) {}

    // Runs a route unless too many connections are in the server; 503 at once otherwise.
    template <class Route>
    void guarded(const httplib::Request& req, httplib::Response& res, Route route) {
        if (in_server.load() > options.max_busy) {
            res.set_header("Retry-After", "1");
            send(res, Api::error(503, say("serve.busy", options.max_busy), lang_of(req)));
            return;
        }
        send(res, route(lang_of(req)));
    }

    // A route that reads data (POST; with `get`, GET too, for a file offered: a link opens it):
    // its request read — 400 for a year that is not a number — then `call`.
    template <class Call>
    void data_route(const char* path, Call call, bool get = false) {
        const auto handler = [this, call](const httplib::Request& req, httplib::Response& res) {
            guarded(req, res, [&](text::Lang lang) {
                DataRequest r;
                if (!data_request(req, r)) return Api::error(400, say("serve.bad_year", req.get_param_value("year")), lang);
                try {
                    return call(req, r, lang);
                } catch (const engine::TimeUp&) {
                    return api.time_up(lang);
                }
            });
        };
        http.Post(path, handler);
        if (get) http.Get(path, handler);
    }

    void routes() {
        http.set_payload_max_length(options.max_body);
        http.new_task_queue = [this] { return new CountingPool(std::max(1u, options.threads), in_server); };
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (options.token.empty() || req.get_header_value("Authorization") == "Bearer " + options.token) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            send(res, Api::error(401, say("serve.unauthorized"), lang_of(req)));
            return httplib::Server::HandlerResponse::Handled;
        });
        http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            const text::Lang lang = lang_of(req);
            switch (res.status) {
                case 413: send(res, Api::error(413, say("serve.too_large", options.max_body), lang)); break;
                case 404: send(res, Api::error(404, say("serve.no_route", req.method, req.path), lang)); break;
                default: send(res, Api::error(res.status, say("serve.http_error", res.status), lang)); break;
            }
        });
        http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            text::Message why = text::Message::same("?");
            try {
                std::rethrow_exception(ep);
            } catch (const std::bad_alloc&) {
                why = say("serve.out_of_memory");
            } catch (const std::exception& e) {
                why = text::Message::same(e.what());
            } catch (...) {
            }
            send(res, Api::error(500, say("serve.internal", why.in(lang_of(req))), lang_of(req)));
        });

        // The web app: its files from the binary; the page may load nothing from elsewhere.
        http.Get("/(|index.html|app.js|pages.js|editor.js|app.css|openapi.json)", [](const httplib::Request& req, httplib::Response& res) {
            const web::Asset* a = web::find_asset(req.path);
            if (a == nullptr) return;
            res.set_header("Content-Security-Policy",
                           "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'");
            res.set_header("Cache-Control", "no-cache");
            res.set_content(std::string(a->bytes), std::string(a->type).c_str());
        });
        http.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
            const web::Asset* a = web::find_asset("/openapi.json");
            res.set_content(std::string(a->bytes), std::string(a->type).c_str());
        });
        http.Get("/api/v1/status", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(req, res, [this](text::Lang) { return api.status(); });
        });
        http.Get("/api/v1/rules", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(req, res, [this](text::Lang lang) { return api.rules(lang); });
        });
        http.Get("/api/v1/rules/file", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(req, res, [&](text::Lang lang) { return api.rule_file(req.get_param_value("path"), lang); });
        });
        http.Put("/api/v1/rules/file", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(req, res, [&](text::Lang lang) { return api.save_rule_file(req.get_param_value("path"), req.body, lang); });
        });
        http.Post("/api/v1/check", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(req, res, [&](text::Lang lang) { return api.check(req.body, lang); });
        });
        data_route("/api/v1/evaluate", [this](const httplib::Request&, DataRequest& r, text::Lang lang) {
            return api.evaluate(r, lang);
        });
        data_route("/api/v1/diff", [this](const httplib::Request& req, DataRequest& r, text::Lang lang) {
            r.upload = {};  // the body is the edit; the data is a file offered, or a part of a form
            if (req.is_multipart_form_data()) {  // parts "file" and "text", and the data as a file "data"
                const auto file = req.files.find("file"), text = req.files.find("text"), data = req.files.find("data");
                if (file == req.files.end() || text == req.files.end()) return Api::error(400, say("serve.check.fields"), lang);
                if (data != req.files.end()) {
                    r.upload_name = data->second.filename;
                    r.upload = data->second.content;
                }
                return api.diff(r, file->second.content, text->second.content, lang);
            }
            const nlohmann::json in = nlohmann::json::parse(req.body, nullptr, false);
            if (in.is_discarded() || !in.is_object() || !in.contains("file") || !in["file"].is_string() ||
                !in.contains("text") || !in["text"].is_string()) {
                return Api::error(400, say("serve.check.fields"), lang);
            }
            return api.diff(r, in["file"].get<std::string>(), in["text"].get<std::string>(), lang);
        });
        data_route(
            "/api/v1/report",
            [this](const httplib::Request& req, DataRequest& r, text::Lang lang) {
                const std::string format = req.has_param("format") ? req.get_param_value("format") : "html";
                return api.report(r, format, req.get_param_value("locality"), lang);
            },
            true);
        data_route(
            "/api/v1/annotate",
            [this](const httplib::Request&, DataRequest& r, text::Lang lang) { return api.annotate(r, lang); }, true);
        data_route("/api/v1/explain", [this](const httplib::Request& req, DataRequest& r, text::Lang lang) {
            const std::string entity = req.get_param_value("entity");
            if (entity.empty()) return Api::error(400, say("serve.no_entity_given"), lang);
            return api.explain(r, entity, lang);
        });
    }
};

HttpServer::HttpServer(Config config, HttpOptions options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options))) {
    impl_->routes();
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port) {
    if (port == 0) return impl_->http.bind_to_any_port(host);
    return impl_->http.bind_to_port(host, port) ? port : -1;
}

bool HttpServer::serve() { return impl_->http.listen_after_bind(); }

void HttpServer::stop() {
    if (impl_) impl_->http.stop();
}

}  // namespace ntm::server

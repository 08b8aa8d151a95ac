package org.rtmmlab.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;

/**
 * The JSON API under {@code /api/}, a thin face over {@link EvaluationService} and the {@link PluginCatalog}:
 * <pre>
 * GET  /api/plugins                         plugins (kind, id, bundle, version), failed bundles/components,
 *                                           scenario and platform ids
 * POST /api/plugins?name=x.jar              upload a plugin jar into deploy/ (off unless upload.enabled)
 * GET  /api/evaluations                     every evaluation, newest first
 * POST /api/evaluations                     start a run or a comparison (201, its status)
 * GET  /api/evaluations/{id}                one evaluation
 * GET  /api/evaluations/{id}/events         its status as server-sent events until it ends
 * POST /api/evaluations/{id}/swap           {"scheduler": "edf", "properties": {...}}
 * POST /api/evaluations/{id}/pause|resume|cancel
 * GET  /api/results                         published results, newest first
 * GET  /api/results/{id}/{file}             a result file (report.html, trace.json, *.csv, summary.json, ...)
 * POST /api/token                           checks the token (204), for the page's "token accepted"
 * </pre>
 * Every POST needs the token ({@code X-RTMM-Token}) and, if the browser sends an {@code Origin}, the server's own
 * origin; every request needs a loopback {@code Host} (or one in {@code allowedHosts}), which defeats DNS
 * rebinding. Errors are {@code {"error": "one line"}} with 400 (bad input), 403 (token, host, path), 404 (unknown
 * id or file), 405, 409 (the evaluation's state forbids it), 413 (a body over 1 MiB, refused from its declared
 * length before it is read; an upload over upload.maxBytes), 503 (no evaluation service). The start line names the
 * address and the token file, never the token.
 */
@Component(service = Servlet.class, configurationPid = "org.rtmmlab.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletAsyncSupported
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The largest JSON request body accepted (the plugin upload has its own limit, {@code upload.maxBytes}). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final transient PluginCatalog catalog;
    private final transient WebSettings settings;
    private final transient DashboardToken token;
    private final transient EventStreams events;
    private final transient Supplier<EvaluationService> evaluationService;
    private final transient Supplier<List<PluginProblems.Problem>> problems;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EvaluationService evaluations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    /** DS: the catalog, the configuration (PID {@code org.rtmmlab.web}, see {@link WebSettings}). */
    @Activate
    public ApiServlet(BundleContext context, Map<String, Object> config, @Reference PluginCatalog catalog) {
        WebSettings s = WebSettings.of(config, dataDir(context), deployDir(context));
        this.catalog = catalog;
        this.settings = s;
        this.token = DashboardToken.create(s.tokenFile());
        this.events = new EventStreams(s.pingMs());
        this.evaluationService = () -> evaluations;
        this.problems = () -> PluginProblems.find(context, scr);
        System.out.println(startLine(DashboardUrl.of(context), s.tokenFile()));
    }

    /** For tests: everything given. */
    ApiServlet(PluginCatalog catalog, Supplier<EvaluationService> evaluationService, WebSettings settings,
               DashboardToken token, Supplier<List<PluginProblems.Problem>> problems) {
        this.catalog = catalog;
        this.settings = settings;
        this.token = token;
        this.events = new EventStreams(settings.pingMs());
        this.evaluationService = evaluationService;
        this.problems = problems;
    }

    /**
     * The line printed at start: the address and where the token is, never the token itself (the console is often a
     * log file; the shell command in it puts the token into the URL fragment, which the browser never sends).
     */
    static String startLine(String url, Path tokenFile) {
        return "[rtmm] dashboard: " + url + " (to act, open " + url + "#token=$(cat " + tokenFile + "))";
    }

    private static Path dataDir(BundleContext context) {
        String data = context.getProperty("rtmm.data.dir");
        return Path.of(data == null ? "data" : data).toAbsolutePath();
    }

    private static Path deployDir(BundleContext context) {
        String deploy = context.getProperty("felix.fileinstall.dir");
        return deploy == null ? null : Path.of(deploy).toAbsolutePath();
    }

    @Deactivate
    void deactivate() {
        events.close();
    }

    /** @return the token (for the page test's fixture and the log line) */
    DashboardToken token() {
        return token;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        List<String> path = segments(req.getPathInfo());
        try {
            if (!settings.hostAllowed(req.getHeader("Host"))) {
                throw new ApiException(403, "host '" + req.getHeader("Host") + "' is not allowed (loopback only;"
                        + " add it to allowedHosts in deploy/org.rtmmlab.web.cfg)");
            }
            boolean read = method.equals("GET") || method.equals("HEAD");
            if (!read) {
                checkOrigin(req);
                if (!token.matches(req.getHeader(DashboardToken.HEADER))) {
                    throw new ApiException(403, "missing or wrong " + DashboardToken.HEADER + " header (the token is in "
                            + settings.tokenFile().getFileName() + " in the container's data folder)");
                }
            }
            // a body too large is refused from its declared length, before a byte of it is read (the upload has its own
            // limit, upload.maxBytes); a body without a length is cut off at the limit when read (body())
            boolean upload = !path.isEmpty() && path.get(0).equals("plugins");
            if (!read && !upload && req.getContentLengthLong() > MAX_BODY_BYTES) {
                throw new ApiException(413, "request body of " + req.getContentLengthLong() + " bytes is larger than "
                        + MAX_BODY_BYTES + " bytes (1 MiB)");
            }
            route(method, path, req, resp);
        } catch (ApiException e) {
            send(resp, e.status(), Json.error(RequestBodies.oneLine(e.getMessage())));
        } catch (IllegalArgumentException e) {
            send(resp, 400, Json.error(RequestBodies.oneLine(e.getMessage())));
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            send(resp, 500, Json.error("internal error: " + RequestBodies.oneLine(String.valueOf(e))));
        }
    }

    private void route(String method, List<String> p, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        String first = p.isEmpty() ? "" : p.get(0);
        switch (first) {
            case "plugins" -> {
                if (p.size() != 1) {
                    throw notFound(method, req);
                }
                if (method.equals("POST")) {
                    PluginUpload.Deployed d = PluginUpload.deploy(settings, req.getParameter("name"),
                            req.getContentLengthLong(), req.getInputStream());
                    send(resp, 201, Json.GSON.toJsonTree(d));
                } else {
                    requireGet(method);
                    send(resp, 200, plugins());
                }
            }
            case "evaluations" -> evaluations(method, p, req, resp);
            case "results" -> results(method, p, req, resp);
            case "token" -> {
                if (p.size() != 1 || !method.equals("POST")) {
                    throw notFound(method, req);
                }
                resp.setStatus(204);
            }
            default -> throw notFound(method, req);
        }
    }

    private JsonObject plugins() {
        JsonObject o = new JsonObject();
        JsonArray list = new JsonArray();
        for (PluginDescriptor d : catalog.plugins()) {
            list.add(Json.plugin(d, catalog.shadowed(d)));
        }
        o.add("plugins", list);
        JsonArray scenarios = new JsonArray();
        catalog.scenarios().forEach(i -> scenarios.add(i.id()));
        o.add("scenarios", scenarios);
        JsonArray platforms = new JsonArray();
        catalog.platforms().forEach(pl -> platforms.add(pl.id()));
        o.add("platforms", platforms);
        o.add("failed", Json.GSON.toJsonTree(problems.get()));
        return o;
    }

    private void evaluations(String method, List<String> p, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        EvaluationService service = service();
        if (p.size() == 1) {
            if (method.equals("POST")) {
                EvaluationRequest request = RequestBodies.evaluation(body(req));
                EvaluationStatus s = service.submit(request);
                resp.setHeader("Location", "/api/evaluations/" + s.id());
                send(resp, 201, Json.status(s));
            } else {
                requireGet(method);
                send(resp, 200, Json.statuses(service.list()));
            }
            return;
        }
        String id = p.get(1);
        EvaluationStatus current = service.status(id)
                .orElseThrow(() -> new ApiException(404, "no evaluation '" + id + "'"));
        if (p.size() == 2) {
            requireGet(method);
            send(resp, 200, Json.status(current));
            return;
        }
        if (p.size() != 3) {
            throw notFound(method, req);
        }
        String op = p.get(2);
        if (op.equals("events")) {
            requireGet(method);
            events.open(req, resp, service, id);
            return;
        }
        if (!List.of("swap", "pause", "resume", "cancel").contains(op)) {
            throw notFound(method, req);
        }
        if (!method.equals("POST")) {
            throw new ApiException(405, op + " needs POST");
        }
        if (current.state().isFinal()) {
            throw new ApiException(409, "evaluation " + id + " is " + current.state().name().toLowerCase()
                    + "; it cannot " + op);
        }
        EvaluationStatus after;
        switch (op) {
            case "swap" -> {
                RequestBodies.Swap swap = RequestBodies.swap(body(req));
                if (current.request() != null && !current.request().isSingleRun()) {
                    throw new ApiException(409, "evaluation " + id + " is a comparison; only a single run can swap"
                            + " its scheduler");
                }
                if (current.state() == EvaluationState.QUEUED) {
                    throw new ApiException(409, "evaluation " + id + " has not started yet; swap once it runs");
                }
                after = service.swap(id, swap.scheduler(), swap.properties());
            }
            case "pause" -> after = stateChange(() -> service.pause(id));
            case "resume" -> after = stateChange(() -> service.resume(id));
            default -> after = stateChange(() -> service.cancel(id));
        }
        send(resp, 200, Json.status(after));
    }

    /** Pause, resume and cancel refused by the service are state conflicts: 409. */
    private static EvaluationStatus stateChange(Supplier<EvaluationStatus> op) {
        try {
            return op.get();
        } catch (InvalidInputException e) {
            throw new ApiException(409, e.getMessage());
        }
    }

    private void results(String method, List<String> p, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        requireGet(method);
        EvaluationService service = service();
        if (p.size() == 1) {
            send(resp, 200, Json.results(service.results()));
            return;
        }
        if (p.size() < 3) {
            throw new ApiException(404, "use /api/results/{id}/{file}");
        }
        Path file = ResultFiles.resolve(service.resultsDir(), p.get(1), String.join("/", p.subList(2, p.size())));
        resp.setStatus(200);
        resp.setContentType(ResultFiles.contentType(file));
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLengthLong(Files.size(file));
        if (!file.getFileName().toString().endsWith(".html")) {
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        }
        if (method.equals("HEAD")) {
            return;
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private EvaluationService service() {
        EvaluationService s = evaluationService.get();
        if (s == null) {
            throw new ApiException(503, "the evaluation service is not available (is rtmm-evaluation active?)");
        }
        return s;
    }

    /** A browser's cross-site POST carries its page's Origin: refuse any but our own (CSRF, with the token). */
    private static void checkOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return;
        }
        String host = req.getHeader("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            if (host != null && authority != null && authority.equalsIgnoreCase(host)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new ApiException(403, "cross-origin request from '" + origin + "' refused");
    }

    private static void requireGet(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ApiException(405, "use GET");
        }
    }

    private static ApiException notFound(String method, HttpServletRequest req) {
        return new ApiException(404, "no API endpoint " + method + " /api" + (req.getPathInfo() == null ? "" : req.getPathInfo()));
    }

    private static String body(HttpServletRequest req) throws IOException {
        byte[] b = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (b.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes (1 MiB)");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static List<String> segments(String pathInfo) {
        List<String> out = new ArrayList<>();
        if (pathInfo != null) {
            Arrays.stream(pathInfo.split("/")).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static void send(HttpServletResponse resp, int status, JsonElement body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("utf-8");
        resp.setHeader("Cache-Control", "no-store");
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}

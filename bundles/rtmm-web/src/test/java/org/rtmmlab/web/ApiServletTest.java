package org.rtmmlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.evaluation.EvaluationState;

class ApiServletTest {

    @TempDir
    Path dir;

    private FakeEvaluations service;
    private ApiServlet servlet;
    private DashboardToken token;
    private DefaultPluginCatalog catalog;

    @BeforeEach
    void setUp() throws IOException {
        service = new FakeEvaluations(dir.resolve("data/results"));
        Files.createDirectories(service.resultsDir());
        catalog = new DefaultPluginCatalog();
        token = DashboardToken.create(dir.resolve("data/dashboard.token"));
        servlet = servlet(Map.of());
    }

    private ApiServlet servlet(Map<String, Object> config) {
        WebSettings settings = WebSettings.of(config, dir.resolve("data"), dir.resolve("deploy"));
        return new ApiServlet(catalog, () -> service, settings, token,
                () -> List.of(new PluginProblems.Problem("broken-plugin", "1.0.0", "", "not resolved",
                        "does not resolve: missing package (osgi.wiring.package=org.nowhere)")));
    }

    private FakeHttp.Response call(String method, String path, Map<String, String> headers, String body) throws IOException {
        return call(servlet, method, path, headers, body, Map.of());
    }

    private static FakeHttp.Response call(ApiServlet s, String method, String path, Map<String, String> headers,
                                          String body, Map<String, String> params) throws IOException {
        FakeHttp.Response r = new FakeHttp.Response();
        s.service(FakeHttp.request(method, path, headers, body, params), r.proxy());
        return r;
    }

    private Map<String, String> withToken() {
        return Map.of(DashboardToken.HEADER, token.value());
    }

    private static JsonObject json(FakeHttp.Response r) {
        return JsonParser.parseString(r.text()).getAsJsonObject();
    }

    private static final String RUN = "{\"scenarios\": \"xrbench/VR_gaming\", \"platforms\": [\"xrbench/Dual_4K__WS_OS\"],"
            + " \"schedulers\": \"fcfs\", \"seeds\": [3], \"duration\": \"2s\", \"pace\": \"10x\","
            + " \"properties\": {\"engine.window\": \"100ms\"}}";

    @Test
    void postWithoutTokenIsRefusedWith403AndStartsNothing() throws IOException {
        FakeHttp.Response r = call("POST", "/evaluations", Map.of(), RUN);
        assertEquals(403, r.status);
        assertTrue(json(r).get("error").getAsString().contains("X-RTMM-Token"), r.text());
        FakeHttp.Response wrong = call("POST", "/evaluations", Map.of(DashboardToken.HEADER, "0".repeat(64)), RUN);
        assertEquals(403, wrong.status);
        assertTrue(service.submitted.isEmpty());
    }

    @Test
    void postWithTokenStartsAnEvaluationWithTheParsedRequest() throws IOException {
        FakeHttp.Response r = call("POST", "/evaluations", withToken(), RUN);
        assertEquals(201, r.status, r.text());
        JsonObject o = json(r);
        assertEquals("e0001", o.get("id").getAsString());
        assertEquals("/api/evaluations/e0001", r.headers.get("Location"));
        assertEquals("RUNNING", o.get("state").getAsString());
        assertEquals(0.25, o.get("progress").getAsDouble(), 1e-9);
        assertTrue(o.get("singleRun").getAsBoolean());
        var req = service.submitted.get(0);
        assertEquals(List.of("xrbench/VR_gaming"), req.scenarios());
        assertEquals(List.of(3L), req.seeds());
        assertEquals(2_000_000_000L, req.durationNs());
        assertEquals(10.0, req.pace());
        assertEquals(Map.of("engine.window", "100ms"), req.properties());
        assertEquals(List.of("json", "csv", "html", "trace"), req.reporters());
    }

    @Test
    void crossOriginPostIsRefusedEvenWithTheToken() throws IOException {
        Map<String, String> h = new HashMap<>(withToken());
        h.put("Origin", "http://evil.example");
        assertEquals(403, call("POST", "/evaluations", h, RUN).status);
        h.put("Origin", "http://127.0.0.1:8089");
        assertEquals(201, call("POST", "/evaluations", h, RUN).status);
    }

    @Test
    void aForeignHostHeaderIsRefusedUnlessAllowed() throws IOException {
        FakeHttp.Response r = call("GET", "/evaluations", Map.of("Host", "rebind.evil.example:8089"), null);
        assertEquals(403, r.status);
        assertEquals(200, call("GET", "/evaluations", Map.of("Host", "localhost:8089"), null).status);
        assertEquals(200, call("GET", "/evaluations", Map.of("Host", "[::1]:8089"), null).status);
        ApiServlet open = servlet(Map.of("allowedHosts", "lab.example"));
        assertEquals(200, call(open, "GET", "/evaluations", Map.of("Host", "lab.example:8089"), null, Map.of()).status);
    }

    @Test
    void badBodiesAre400sNamingTheJsonPath() throws IOException {
        assertError(400, "$.pace", call("POST", "/evaluations", withToken(), RUN.replace("10x", "fast")));
        assertError(400, "$.colour", call("POST", "/evaluations", withToken(), "{\"colour\": 1}"));
        assertError(400, "$.scenarios", call("POST", "/evaluations", withToken(),
                "{\"platforms\": \"p\", \"schedulers\": \"fcfs\"}"));
        assertError(400, "$.duration", call("POST", "/evaluations", withToken(), RUN.replace("2s", "two")));
        assertError(400, "$", call("POST", "/evaluations", withToken(), "{\"scenarios\": "));
        assertError(400, "unknown scheduler 'nope'", call("POST", "/evaluations", withToken(), RUN.replace("fcfs", "nope")));
        assertTrue(service.submitted.isEmpty());
    }

    private static void assertError(int status, String fragment, FakeHttp.Response r) {
        assertEquals(status, r.status, r.text());
        String error = json(r).get("error").getAsString();
        assertTrue(error.contains(fragment), error);
        assertFalse(error.contains("\n"), error);
    }

    @Test
    void lifecycleOperationsFollowTheEvaluationsState() throws IOException {
        call("POST", "/evaluations", withToken(), RUN);
        assertError(404, "no evaluation 'e0099'", call("GET", "/evaluations/e0099", Map.of(), null));
        assertEquals("PAUSED", json(call("POST", "/evaluations/e0001/pause", withToken(), "")).get("state").getAsString());
        assertError(409, "not running", call("POST", "/evaluations/e0001/pause", withToken(), ""));
        assertEquals("RUNNING", json(call("POST", "/evaluations/e0001/resume", withToken(), "")).get("state").getAsString());
        FakeHttp.Response swap = call("POST", "/evaluations/e0001/swap", withToken(), "{\"scheduler\": \"edf\"}");
        assertEquals(200, swap.status, swap.text());
        JsonObject s = json(swap);
        assertEquals("edf", s.get("scheduler").getAsString());
        assertEquals("fcfs", s.getAsJsonArray("swaps").get(0).getAsJsonObject().get("fromScheduler").getAsString());
        assertError(400, "unknown scheduler 'nope'", call("POST", "/evaluations/e0001/swap", withToken(), "{\"scheduler\": \"nope\"}"));
        assertError(400, "$.scheduler", call("POST", "/evaluations/e0001/swap", withToken(), "{}"));
        assertError(405, "POST", call("GET", "/evaluations/e0001/cancel", Map.of(), null));
        assertEquals("CANCELLED", json(call("POST", "/evaluations/e0001/cancel", withToken(), "")).get("state").getAsString());
        assertError(409, "cancelled", call("POST", "/evaluations/e0001/swap", withToken(), "{\"scheduler\": \"edf\"}"));
        assertError(404, "no API endpoint", call("POST", "/evaluations/e0001/explode", withToken(), ""));
    }

    @Test
    void swapIsRefusedForComparisons() throws IOException {
        call("POST", "/evaluations", withToken(), RUN.replace("\"fcfs\"", "\"fcfs,edf\""));
        assertError(409, "comparison", call("POST", "/evaluations/e0001/swap", withToken(), "{\"scheduler\": \"edf\"}"));
    }

    @Test
    void listsAndStatusAreJsonWithLiveFigures() throws IOException {
        call("POST", "/evaluations", withToken(), RUN);
        FakeHttp.Response r = call("GET", "/evaluations", Map.of(), null);
        assertEquals(200, r.status);
        var first = JsonParser.parseString(r.text()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(80.5, first.getAsJsonObject("live").get("xrbench.score").getAsDouble());
        assertEquals(1, first.getAsJsonArray("windows").size());
        assertEquals("e0001", first.get("resultDir").getAsString());
        assertEquals("2026-12-07T16:00:00Z", first.get("submitted").getAsString());
    }

    @Test
    void pluginsListBundleVersionAndFailures() throws IOException {
        SchedulerPolicy policy = (SchedulerPolicy) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchedulerPolicy.class}, (p, m, a) -> m.getName().equals("id") ? "fcfs" : null);
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "fcfs", "first come", "rtmm-scheduler-classic", "0.1.0", policy));
        JsonObject o = json(call("GET", "/plugins", Map.of(), null));
        JsonObject p = o.getAsJsonArray("plugins").get(0).getAsJsonObject();
        assertEquals("scheduler", p.get("kind").getAsString());
        assertEquals("rtmm-scheduler-classic", p.get("bundle").getAsString());
        assertEquals("0.1.0", p.get("version").getAsString());
        assertEquals(0, p.get("ranking").getAsInt());
        assertFalse(p.get("shadowed").getAsBoolean());
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "fcfs", "ranked", "my-fcfs", "0.0.1", policy, 3));
        JsonArray both = json(call("GET", "/plugins", Map.of(), null)).getAsJsonArray("plugins");
        assertEquals("my-fcfs", both.get(0).getAsJsonObject().get("bundle").getAsString(), "the winner first");
        assertEquals(3, both.get(0).getAsJsonObject().get("ranking").getAsInt());
        assertTrue(both.get(1).getAsJsonObject().get("shadowed").getAsBoolean());
        JsonObject f = o.getAsJsonArray("failed").get(0).getAsJsonObject();
        assertTrue(f.get("reason").getAsString().contains("org.nowhere"));
    }

    @Test
    void resultFilesDownloadAndPathTraversalIsRefused() throws IOException {
        Path result = Files.createDirectories(service.resultsDir().resolve("e0001"));
        Files.writeString(result.resolve("report.html"), "<html>report</html>");
        Files.createDirectories(result.resolve("run"));
        Files.writeString(result.resolve("run/requests.csv"), "task,model\n");
        Files.writeString(dir.resolve("data/secret.txt"), "secret");
        FakeHttp.Response r = call("GET", "/results/e0001/report.html", Map.of(), null);
        assertEquals(200, r.status);
        assertEquals("<html>report</html>", r.text());
        assertTrue(r.headers.get("Content-Type").startsWith("text/html"));
        FakeHttp.Response csv = call("GET", "/results/e0001/run/requests.csv", Map.of(), null);
        assertEquals("task,model\n", csv.text());
        assertTrue(csv.headers.get("Content-Disposition").contains("attachment"));
        assertError(403, "refused", call("GET", "/results/e0001/../secret.txt", Map.of(), null));
        assertError(403, "refused", call("GET", "/results/e0001/run/../../../secret.txt", Map.of(), null));
        assertError(403, "refused", call("GET", "/results/../secret.txt", Map.of(), null));
        assertError(403, "refused", call("GET", "/results/e0001/..", Map.of(), null));
        assertError(404, "no file", call("GET", "/results/e0001/missing.json", Map.of(), null));
        assertError(404, "no file", call("GET", "/results/e0002/report.html", Map.of(), null));
        Files.createSymbolicLink(result.resolve("link.txt"), dir.resolve("data/secret.txt"));
        assertError(403, "links outside", call("GET", "/results/e0001/link.txt", Map.of(), null));
    }

    @Test
    void pluginUploadIsOffByDefault() throws IOException {
        FakeHttp.Response r = call(servlet, "POST", "/plugins", withToken(), "PK", Map.of("name", "x.jar"));
        assertError(403, "upload.enabled", r);
        assertFalse(Files.exists(dir.resolve("deploy/x.jar")));
    }

    @Test
    void pluginUploadWhenEnabledChecksSizeAndBundleAndDeploysAtomically() throws IOException {
        ApiServlet open = servlet(Map.of("upload.enabled", "true", "upload.maxBytes", "4096"));
        byte[] jar = bundleJar("my.scheduler", "1.2.3");
        String body = new String(jar, java.nio.charset.StandardCharsets.ISO_8859_1);
        // the fake request encodes the body as UTF-8: use a raw-bytes check through PluginUpload directly instead
        PluginUpload.Deployed d = PluginUpload.deploy(WebSettings.of(Map.of("upload.enabled", "true"),
                dir.resolve("data"), dir.resolve("deploy")), "my-scheduler.jar", jar.length,
                new java.io.ByteArrayInputStream(jar));
        assertEquals("my.scheduler", d.bundle());
        assertEquals("1.2.3", d.version());
        assertTrue(Files.isRegularFile(dir.resolve("deploy/my-scheduler.jar")));
        assertEquals(jar.length, Files.size(dir.resolve("deploy/my-scheduler.jar")));
        assertError(400, "not an OSGi bundle", call(open, "POST", "/plugins", withToken(), "not a jar", Map.of("name", "y.jar")));
        assertError(400, "name", call(open, "POST", "/plugins", withToken(), body, Map.of("name", "../evil.jar")));
        assertError(413, "upload.maxBytes", call(open, "POST", "/plugins", withToken(), "x".repeat(5000), Map.of("name", "big.jar")));
        assertError(403, "X-RTMM-Token", call(open, "POST", "/plugins", Map.of(), body, Map.of("name", "z.jar")));
        try (var s = Files.list(dir.resolve("data"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    private static byte[] bundleJar(String bsn, String version) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        mf.getMainAttributes().putValue("Bundle-Version", version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new java.util.jar.JarEntry("a.txt"));
            j.write(1);
        }
        return out.toByteArray();
    }

    @Test
    void tokenFileIsOwnerOnlyAndTheTokenChecks() throws IOException {
        Path f = dir.resolve("data/dashboard.token");
        assertEquals(token.value(), Files.readString(f).trim());
        assertEquals(64, token.value().length());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(204, call("POST", "/token", withToken(), "").status);
        assertEquals(403, call("POST", "/token", Map.of(), "").status);
        DashboardToken second = DashboardToken.create(f);
        assertFalse(second.value().equals(token.value()), "a new token at every start");
        assertFalse(token.matches(second.value()));
    }

    @Test
    void noEvaluationServiceIs503() throws IOException {
        ApiServlet none = new ApiServlet(catalog, () -> null, WebSettings.of(Map.of(), dir, dir), token, List::of);
        assertError(503, "evaluation service", call(none, "GET", "/evaluations", Map.of(), null, Map.of()));
    }
}

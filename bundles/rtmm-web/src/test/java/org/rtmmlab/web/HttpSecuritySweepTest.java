package org.rtmmlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;

/**
 * The HTTP side's security rules swept over every endpoint and many attack shapes (issue 17, item 7): every
 * state-changing request without the exact token is 403 and changes nothing; bodies over the limit are 413 before
 * they are read; downloads stay inside the result folder whatever the path or link; the token appears in no log line
 * and no response. Counts of the cases are printed.
 */
class HttpSecuritySweepTest {

    @TempDir
    Path dir;

    private FakeEvaluations service;
    private DashboardToken token;
    private ApiServlet servlet;
    private final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        service = new FakeEvaluations(dir.resolve("data/results"));
        Files.createDirectories(service.resultsDir());
        token = DashboardToken.create(dir.resolve("data/dashboard.token"));
        servlet = servlet(Map.of());
    }

    private ApiServlet servlet(Map<String, Object> config) {
        return new ApiServlet(new DefaultPluginCatalog(), () -> service,
                WebSettings.of(config, dir.resolve("data"), dir.resolve("deploy")), token, List::of);
    }

    private FakeHttp.Response call(ApiServlet s, String method, String path, Map<String, String> headers,
                                   InputStream body, long length, Map<String, String> params) throws IOException {
        FakeHttp.Response r = new FakeHttp.Response();
        s.service(FakeHttp.request(method, path, headers, body, length, params), r.proxy());
        bodies.add(r.text());
        return r;
    }

    private FakeHttp.Response call(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return call(servlet, method, path, headers, new java.io.ByteArrayInputStream(b), b.length, Map.of("name", "x.jar"));
    }

    private static final String RUN = "{\"scenarios\": \"xrbench/VR_gaming\", \"platforms\": \"xrbench/Dual_4K__WS_OS\","
            + " \"schedulers\": \"fcfs\"}";

    @Test
    void everyStateChangingRequestWithoutTheExactTokenIs403AndChangesNothing() throws IOException {
        // one running evaluation to act on, and the upload switched on so the token is the only thing in the way
        servlet = servlet(Map.of("upload.enabled", "true"));
        assertEquals(201, call("POST", "/evaluations", Map.of(DashboardToken.HEADER, token.value()), RUN).status);
        String before = service.evaluations.toString();
        int submitted = service.submitted.size();
        String t = token.value();
        char last = t.charAt(t.length() - 1);
        List<String> wrong = new ArrayList<>(List.of("", " ", "0".repeat(64), t.substring(0, 63), t + "0",
                t.substring(0, 63) + (last == 'a' ? 'b' : 'a'), t.toUpperCase(java.util.Locale.ROOT).equals(t) ? "x" : t.toUpperCase(java.util.Locale.ROOT),
                "Bearer " + t, t + "," + t, "\u00e9".repeat(64)));
        List<String> targets = List.of("/evaluations", "/evaluations/e0001/swap", "/evaluations/e0001/pause",
                "/evaluations/e0001/resume", "/evaluations/e0001/cancel", "/plugins", "/token", "/evaluations/e0001",
                "/results", "/nowhere", "");
        int cases = 0;
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String target : targets) {
                // no header at all
                FakeHttp.Response none = call(method, target, Map.of(), "{\"scheduler\": \"edf\"}");
                assertEquals(403, none.status, method + " " + target + " without a token: " + none.text());
                cases++;
                for (String w : wrong) {
                    FakeHttp.Response r = call(method, target, Map.of(DashboardToken.HEADER, w), "{\"scheduler\": \"edf\"}");
                    assertEquals(403, r.status, method + " " + target + " with token '" + w + "': " + r.text());
                    assertFalse(!w.isBlank() && r.text().contains(w), "the sent token is not echoed");
                    cases++;
                }
            }
        }
        assertEquals(before, service.evaluations.toString(), "no evaluation changed");
        assertEquals(submitted, service.submitted.size(), "nothing submitted");
        assertFalse(Files.exists(dir.resolve("deploy/x.jar")), "nothing uploaded");
        // the right token, with surrounding whitespace as a pasted file has, works
        assertEquals(204, call("POST", "/token", Map.of(DashboardToken.HEADER, " " + t + "\n"), "").status);
        assertEquals(200, call("POST", "/evaluations/e0001/pause", Map.of(DashboardToken.HEADER, t), "").status);
        System.out.println("[http security] " + cases + " state-changing requests without the exact token: all 403");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() throws IOException {
        Map<String, String> auth = Map.of(DashboardToken.HEADER, token.value());
        for (String target : List.of("/evaluations", "/evaluations/e0001/swap", "/evaluations/e0001/pause", "/token")) {
            if (target.contains("e0001") && service.evaluations.isEmpty()) {
                call("POST", "/evaluations", auth, RUN);
            }
            CountingStream declared = new CountingStream(Long.MAX_VALUE);
            FakeHttp.Response r = call(servlet, "POST", target, auth, declared, 100L << 20, Map.of());
            assertEquals(413, r.status, target + ": " + r.text());
            assertEquals(0, declared.read.get(), target + ": not a byte of a declared 100 MiB body is read");
        }
        // without the token a huge body is refused before too (403), also unread
        CountingStream anonymous = new CountingStream(Long.MAX_VALUE);
        assertEquals(403, call(servlet, "POST", "/evaluations", Map.of(), anonymous, 100L << 20, Map.of()).status);
        assertEquals(0, anonymous.read.get());
        // a body without a length (chunked) is cut off just past the limit
        CountingStream chunked = new CountingStream(Long.MAX_VALUE);
        FakeHttp.Response r = call(servlet, "POST", "/evaluations", auth, chunked, -1, Map.of());
        assertEquals(413, r.status, r.text());
        assertTrue(chunked.read.get() <= ApiServlet.MAX_BODY_BYTES + 1 + 8192, "read " + chunked.read.get());
        // exactly the limit is not too large (the JSON is then judged on its content: 400, not 413)
        byte[] exact = (RUN + " ".repeat(ApiServlet.MAX_BODY_BYTES - RUN.length())).getBytes(StandardCharsets.UTF_8);
        assertEquals(ApiServlet.MAX_BODY_BYTES, exact.length);
        FakeHttp.Response ok = call(servlet, "POST", "/evaluations", auth, new java.io.ByteArrayInputStream(exact),
                exact.length, Map.of());
        assertEquals(201, ok.status, ok.text());
        // the upload has its own limit, also checked from the declared length first
        ApiServlet open = servlet(Map.of("upload.enabled", "true", "upload.maxBytes", "4096"));
        CountingStream jar = new CountingStream(Long.MAX_VALUE);
        assertEquals(413, call(open, "POST", "/plugins", auth, jar, 1L << 30, Map.of("name", "big.jar")).status);
        assertEquals(0, jar.read.get());
    }

    @Test
    void downloadsStayInsideTheResultFolder() throws IOException {
        Path results = service.resultsDir();
        Path result = Files.createDirectories(results.resolve("e0001"));
        Files.writeString(result.resolve("report.html"), "<html>ok</html>");
        Files.writeString(dir.resolve("data/secret.txt"), "SECRET");
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("report.html"), "SECRET");
        Files.writeString(outside.resolve("passwd"), "SECRET");
        // links out: a file, a folder inside the result, and a whole result folder
        Files.createSymbolicLink(result.resolve("link.txt"), dir.resolve("data/secret.txt"));
        Files.createSymbolicLink(result.resolve("sub"), outside);
        Files.createSymbolicLink(results.resolve("e0002"), outside);
        Files.createSymbolicLink(results.resolve("e0003"), Path.of("/"));
        List<String> attacks = List.of(
                "/results/e0001/../secret.txt", "/results/e0001/../../data/secret.txt", "/results/e0001/run/../../secret.txt",
                "/results/../secret.txt", "/results/../results/../secret.txt", "/results/e0001/..", "/results/e0001/.",
                "/results/e0001/./../secret.txt", "/results/e0001/%2e%2e/secret.txt", "/results/%2e%2e/secret.txt",
                "/results/e0001/..%2fsecret.txt", "/results/e0001/..%5csecret.txt", "/results/e0001/..\\secret.txt",
                "/results/e0001/secret.txt\u0000.html", "/results/e0001//etc/passwd", "/results//etc/passwd",
                "/results/e0001/" + dir.resolve("data/secret.txt"), "/results/e0001/link.txt", "/results/e0001/sub/passwd",
                "/results/e0001/sub/report.html", "/results/e0002/report.html", "/results/e0002/passwd",
                "/results/e0003/etc/passwd", "/results/e0003/" + dir.resolve("data/secret.txt").toString().substring(1),
                "/results/e0001/../dashboard.token", "/results/e0001/../../dashboard.token");
        for (String a : attacks) {
            FakeHttp.Response r = call("GET", a, Map.of(), null);
            assertTrue(r.status == 403 || r.status == 404, a + " -> " + r.status + " " + r.text());
            assertFalse(r.text().contains("SECRET") || r.text().contains("root:"), a + " leaked a file");
            assertFalse(r.text().contains(token.value()), a + " leaked the token");
        }
        assertEquals(200, call("GET", "/results/e0001/report.html", Map.of(), null).status);
        System.out.println("[http security] " + attacks.size() + " download paths leaving the result folder: all refused");
    }

    @Test
    void theTokenIsInNoLogLineAndNoResponse() throws IOException {
        Path data = Files.createDirectories(dir.resolve("lab/data"));
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("getProperty")
                        ? Map.of("rtmm.data.dir", data.toString(), "org.osgi.service.http.port", "8089",
                                "org.apache.felix.http.host", "127.0.0.1").get((String) a[0]) : null);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ApiServlet started;
        try {
            PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            started = new ApiServlet(context, new HashMap<>(), new DefaultPluginCatalog());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        String value = started.token().value();
        assertEquals(value, Files.readString(data.resolve("dashboard.token")).trim());
        assertTrue(printed.contains("[rtmm] dashboard: http://127.0.0.1:8089/ui/"), printed);
        assertTrue(printed.contains(data.resolve("dashboard.token").toString()), "names the token file: " + printed);
        for (int i = 0; i + 8 <= value.length(); i++) {
            assertFalse(printed.contains(value.substring(i, i + 8)), "no 8 characters of the token in the log: " + printed);
        }
        // and no answer of the API carries it
        call("POST", "/evaluations", Map.of(DashboardToken.HEADER, token.value()), RUN);
        call("GET", "/evaluations", Map.of(), null);
        call("GET", "/evaluations/e0001", Map.of(), null);
        call("GET", "/plugins", Map.of(), null);
        call("POST", "/token", Map.of(DashboardToken.HEADER, "wrong"), "");
        call("GET", "/results/e0001/../../dashboard.token", Map.of(), null);
        for (String b : bodies) {
            assertFalse(b.contains(token.value()), b);
        }
    }

    @Test
    void stateChangesHappenOnlyThroughPost() throws IOException {
        call("POST", "/evaluations", Map.of(DashboardToken.HEADER, token.value()), RUN);
        for (String op : List.of("swap", "pause", "resume", "cancel")) {
            FakeHttp.Response r = call("GET", "/evaluations/e0001/" + op, Map.of(), null);
            assertEquals(405, r.status, op);
        }
        assertEquals(404, call("GET", "/token", Map.of(), null).status);
        assertEquals(405, call("GET", "/plugins", Map.of(), null).status == 200
                ? call("HEAD", "/evaluations/e0001/cancel", Map.of(), null).status : -1, "HEAD cancels nothing either");
        assertEquals(EvaluationState.RUNNING, service.evaluations.get("e0001").state());
        EvaluationRequest only = service.submitted.get(0);
        assertEquals(List.of("fcfs"), only.schedulers());
        assertEquals(1, service.submitted.size(), "a GET never submits");
    }

    /** An endless body that counts what is read from it. */
    private static final class CountingStream extends InputStream {
        final AtomicLong read = new AtomicLong();
        private final long size;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read.get() >= size) {
                return -1;
            }
            read.incrementAndGet();
            return '{';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = (int) Math.min(len, size - read.get());
            if (n <= 0) {
                return -1;
            }
            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
            read.addAndGet(n);
            return n;
        }

        @Override
        public int available() {
            return 1;
        }
    }
}

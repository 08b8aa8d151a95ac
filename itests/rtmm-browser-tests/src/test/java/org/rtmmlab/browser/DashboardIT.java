package org.rtmmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end, against the distribution's container started as a process: the HTTP security rules
 * (token 403, loopback-only listening, path traversal, upload off) and, in headless Chromium, start a paced
 * evaluation from the page, swap its scheduler from the page, see it finish and open its report. Prints the
 * figures the README quotes (Felix start to first 200, SSE update interval, swap click to new scheduler shown).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static LabProcess lab;
    private static WebDriver driver;
    private static final List<String> figures = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        lab = LabProcess.start("dashboard");
        figures.add("felix start to first HTTP 200: " + lab.startToFirst200Ms + " ms");
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (lab != null) {
            lab.close();
        }
        figures.forEach(f -> System.out.println("[dashboard figure] " + f));
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolveSibling("dashboard-figures.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures);
    }

    private static WebDriver browser() {
        if (driver != null) {
            return driver;
        }
        // no silent skip: CI installs these (.ci/run); a machine without them fails here, saying what to install
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), o);
        return driver;
    }

    // ------------------------------------------------------------------ HTTP security

    @Test
    @Order(1)
    void stateChangingRequestsWithoutTheTokenAre403() throws Exception {
        String body = "{\"scenarios\":\"xrbench/VR_gaming\",\"platforms\":\"xrbench/Dual_4K__WS_OS\",\"schedulers\":\"fcfs\"}";
        Http.Response none = Http.send(lab.port, "POST", "/api/evaluations", "Content-Type: application/json\r\n", body);
        assertEquals(403, none.status(), none.body());
        assertTrue(none.body().contains("\"error\""), none.body());
        Http.Response wrong = Http.send(lab.port, "POST", "/api/evaluations", "X-RTMM-Token: " + "0".repeat(64) + "\r\n", body);
        assertEquals(403, wrong.status());
        for (String op : List.of("swap", "pause", "resume", "cancel")) {
            assertEquals(403, Http.send(lab.port, "POST", "/api/evaluations/e0001/" + op, null, "{}").status(), op);
        }
        Http.Response cross = Http.send(lab.port, "POST", "/api/evaluations", "X-RTMM-Token: " + lab.token()
                + "\r\nOrigin: http://evil.example\r\n", body);
        assertEquals(403, cross.status(), "a cross-origin POST is refused even with the token");
        Http.Response rebind = Http.send(lab.port, "GET", "/api/evaluations", "Host: evil.example\r\n", null);
        assertEquals(403, rebind.status(), "a foreign Host header (DNS rebinding) is refused");
        Http.Response list = Http.send(lab.port, "GET", "/api/evaluations", null, null);
        assertEquals(200, list.status(), list.body());
        assertEquals(0, JsonParser.parseString(list.body()).getAsJsonArray().size(), "nothing was started");
        Http.Response upload = Http.send(lab.port, "POST", "/api/plugins?name=x.jar", "X-RTMM-Token: " + lab.token() + "\r\n", "PK");
        assertEquals(403, upload.status(), "plugin upload is off by default: " + upload.body());
        try (var s = Files.list(lab.work.resolve("deploy"))) {
            assertEquals(0, s.count(), "nothing written into deploy/");
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(lab.dataDir.resolve("dashboard.token"))));
    }

    @Test
    @Order(2)
    void listensOnLoopbackOnly() throws Exception {
        // the kernel's own table of listening sockets: every one on our port is bound to 127.0.0.1
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == lab.port) {
                    listening.add(local[0]);
                }
            }
        }
        assertFalse(listening.isEmpty(), "no listening socket found for port " + lab.port);
        for (String addr : listening) {
            // 0100007F = 127.0.0.1; IPv4-mapped ::ffff:127.0.0.1 = 0000000000000000FFFF00000100007F
            assertTrue(addr.equals("0100007F") || addr.equals("0000000000000000FFFF00000100007F"),
                    "listening on a non-loopback address: " + addr + " (all: " + listening + ")");
        }
        // and a connection to any of this machine's other addresses is refused
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a.isLoopbackAddress() || (a instanceof Inet6Address && a.isLinkLocalAddress())) {
                    continue;
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, lab.port), 1000);
                    fail("the dashboard answers on " + a.getHostAddress() + ":" + lab.port);
                } catch (IOException expected) {
                    // refused: good
                }
            }
        }
    }

    @Test
    @Order(2)
    void aTooLargeBodyIs413UnreadAndTheTokenIsInNoLog() throws Exception {
        // declares 100 MiB and sends 2 bytes: the answer must come without the server waiting for the rest
        try (Socket s = new Socket("127.0.0.1", lab.port)) {
            s.setSoTimeout(10_000);
            String head = "POST /api/evaluations HTTP/1.1\r\nHost: 127.0.0.1:" + lab.port + "\r\nConnection: close\r\n"
                    + "X-RTMM-Token: " + lab.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (100L << 20) + "\r\n\r\n{}";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            byte[] status = s.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 413", new String(status, java.nio.charset.StandardCharsets.US_ASCII));
        }
        String log = lab.log();
        assertTrue(log.contains("[rtmm] dashboard: http://"), "the start line is printed");
        assertFalse(log.contains(lab.token()), "the token is not in the container's output");
    }

    // ------------------------------------------------------------------ the page

    @Test
    @Order(3)
    void startAPacedRunSwapItsSchedulerFromThePageSeeItFinishAndOpenItsReport() throws Exception {
        WebDriver d = browser();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
        // the address the container prints: the token in the fragment, never sent to the server
        d.get(lab.base() + "/#token=" + lab.token());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-state"), "token accepted"));
        assertFalse(d.getCurrentUrl().contains("token"), "the token is removed from the address bar: " + d.getCurrentUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plugins tr[data-id='edf']")));
        String pluginsText = d.findElement(By.id("plugins")).getText();
        assertTrue(pluginsText.contains("rtmm-scheduler-classic"), pluginsText);

        set(d, "f-scenarios", "xrbench/VR_gaming");
        set(d, "f-platforms", "xrbench/Dual_4K__WS_OS");
        set(d, "f-schedulers", "fcfs");
        set(d, "f-duration", "6s");
        set(d, "f-properties", "engine.window=250ms");
        new Select(d.findElement(By.id("f-pace"))).selectByValue("1x");
        d.findElement(By.id("f-submit")).click();

        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".eval[data-state='RUNNING']")));
        String id = card.getAttribute("data-id");
        // a few closed windows on the chart before the swap
        wait.until(x -> windows(id) >= 3);
        new Select(card.findElement(By.cssSelector(".swap-select"))).selectByValue("edf");
        card.findElement(By.cssSelector(".swap-btn")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("eval-" + id), "data-scheduler", "edf"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#eval-" + id + " .swap-marker")));
        String swapLatency = (String) ((JavascriptExecutor) d).executeScript(
                "return document.body.getAttribute('data-swap-latency-ms')");
        figures.add("swap click to new scheduler shown on the page: " + swapLatency + " ms");
        int atSwap = windows(id);
        wait.until(x -> windows(id) >= atSwap + 6 || "FINISHED".equals(x.findElement(By.id("eval-" + id)).getAttribute("data-state")));
        screenshot(d, "dashboard-running.png");   // metrics windows on both sides of the swap marker

        new WebDriverWait(d, Duration.ofSeconds(90)).until(
                ExpectedConditions.attributeToBe(By.id("eval-" + id), "data-state", "FINISHED"));
        String sse = (String) ((JavascriptExecutor) d).executeScript("return document.body.getAttribute('data-sse-interval-ms')");
        assertTrue(sse != null, "the page received server-sent events");
        figures.add("dashboard update interval (median gap between SSE status events): " + sse + " ms");

        JsonObject status = JsonParser.parseString(Http.send(lab.port, "GET", "/api/evaluations/" + id, null, null).body())
                .getAsJsonObject();
        assertEquals("FINISHED", status.get("state").getAsString());
        JsonArray swaps = status.getAsJsonArray("swaps");
        assertEquals(1, swaps.size(), status.toString());
        assertEquals("fcfs", swaps.get(0).getAsJsonObject().get("fromScheduler").getAsString());
        assertEquals("edf", swaps.get(0).getAsJsonObject().get("toScheduler").getAsString());

        WebElement report = new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#result-" + id + " a.report")));
        assertTrue(d.findElements(By.cssSelector("#result-" + id + " a.trace")).size() == 1, "trace.json link");
        assertTrue(d.findElement(By.id("result-" + id)).getText().contains(".csv"), "CSV links");
        ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
        screenshot(d, "dashboard.png");
        String main = d.getWindowHandle();
        report.click();
        wait.until(x -> x.getWindowHandles().size() == 2);
        for (String h : d.getWindowHandles()) {
            if (!h.equals(main)) {
                d.switchTo().window(h);
            }
        }
        wait.until(x -> x.getCurrentUrl().endsWith("report.html"));
        wait.until(x -> x.getPageSource().length() > 2000);
        String text = d.findElement(By.tagName("body")).getText().toLowerCase(Locale.ROOT);
        assertTrue(text.contains("xrbench") || text.contains("vr_gaming"), "the report names its scenario");
        screenshot(d, "report-from-dashboard.png");
        d.close();
        d.switchTo().window(main);
    }

    @Test
    @Order(4)
    void resultDownloadsRefusePathTraversal() throws Exception {
        JsonArray results = JsonParser.parseString(Http.send(lab.port, "GET", "/api/results", null, null).body()).getAsJsonArray();
        assertFalse(results.isEmpty(), "a result to attack (the browser test made one)");
        String id = results.get(0).getAsJsonObject().get("id").getAsString();
        String token = lab.token();
        assertEquals(200, Http.send(lab.port, "GET", "/api/results/" + id + "/report.html", null, null).status());
        // data/dashboard.token is two levels above a result folder (data/results/<id>/)
        for (String target : List.of("/api/results/" + id + "/../../dashboard.token",
                "/api/results/" + id + "/..%2F..%2Fdashboard.token", "/api/results/" + id + "/%2e%2e/%2e%2e/dashboard.token",
                "/api/results/..%2F/dashboard.token", "/api/results/" + id + "/..\\..\\dashboard.token",
                "/api/results/" + id + "/%2e%2e%5c%2e%2e%5cdashboard.token")) {
            Http.Response r = Http.send(lab.port, "GET", target, null, null);
            assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, target + " -> " + r.status());
            assertFalse(r.body().contains(token), target + " leaked the token");
        }
    }

    private int windows(String id) {
        try {
            JsonObject s = JsonParser.parseString(Http.send(lab.port, "GET", "/api/evaluations/" + id, null, null).body())
                    .getAsJsonObject();
            return s.getAsJsonArray("windows").size();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void set(WebDriver d, String id, String value) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static void screenshot(WebDriver d, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
        File f = ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}

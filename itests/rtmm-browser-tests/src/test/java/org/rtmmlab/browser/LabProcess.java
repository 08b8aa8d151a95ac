package org.rtmmlab.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The distribution's container started as a separate process, as a user starts it ({@code bin/felix.jar} with the
 * distribution's {@code etc/}), with its own copy of {@code etc/config.properties}: a free port, its own framework
 * cache, data and deploy folders under {@code target/lab-work}, no interactive shell. Output goes to
 * {@code target/lab-work/felix.log}.
 */
final class LabProcess implements AutoCloseable {

    final int port;
    final Path work;
    final Path dataDir;
    final Process process;
    /** Wall time from starting the JVM to the first HTTP 200 (GET /api/plugins), ms. */
    final long startToFirst200Ms;

    private LabProcess(int port, Path work, Path dataDir, Process process, long startMs) {
        this.port = port;
        this.work = work;
        this.dataDir = dataDir;
        this.process = process;
        this.startToFirst200Ms = startMs;
    }

    static LabProcess start(String name) throws Exception {
        Path lab = Path.of(System.getProperty("lab.dir", "../../distribution/target/rtmm-lab")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(lab.resolve("bin/felix.jar"))) {
            throw new IllegalStateException("no distribution at " + lab + " (run mvn package first)");
        }
        Path work = Path.of(System.getProperty("lab.work", "target/lab-work")).toAbsolutePath().resolve(name);
        deleteTree(work);
        Files.createDirectories(work.resolve("deploy"));
        Path data = Files.createDirectories(work.resolve("data"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(lab.resolve("etc/config.properties"))) {
            config.load(in);
        }
        // the shipped settings stay (host 127.0.0.1 included: the loopback test checks the distribution's default)
        config.setProperty("org.osgi.service.http.port", String.valueOf(port));
        config.setProperty("org.osgi.framework.storage", work.resolve("felix-cache").toString());
        config.setProperty("felix.fileinstall.dir", work.resolve("deploy").toString());
        config.setProperty("felix.auto.deploy.dir", lab.resolve("bundle").toString());
        config.setProperty("rtmm.data.dir", data.toString());
        config.setProperty("rtmm.scenario.dir", work.resolve("deploy").toString());
        Path configFile = work.resolve("config.properties");
        try (var out = Files.newOutputStream(configFile)) {
            config.store(out, "test copy of " + lab.resolve("etc/config.properties"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dgosh.args=--nointeractive",
                "-Dfelix.system.properties=" + lab.resolve("etc/system.properties").toUri(),
                "-Dfelix.config.properties=" + configFile.toUri(), "-jar", lab.resolve("bin/felix.jar").toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(lab.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("felix.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the container exited with " + p.exitValue() + "; see " + work.resolve("felix.log"));
            }
            if (status(port, "/api/plugins") == 200) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("no HTTP 200 from /api/plugins on port " + port + " within 60 s; see "
                        + work.resolve("felix.log") + ":\n" + tail(work.resolve("felix.log")));
            }
            Thread.sleep(100);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // the evaluation service may come up a moment after the HTTP side
        while (status(port, "/api/evaluations") != 200) {
            if (System.currentTimeMillis() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("GET /api/evaluations did not answer 200 within 60 s (is the evaluation"
                        + " service active?); see " + work.resolve("felix.log") + ":\n" + tail(work.resolve("felix.log")));
            }
            Thread.sleep(100);
        }
        return new LabProcess(port, work, data, p, ms);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String token() throws IOException {
        return Files.readString(dataDir.resolve("dashboard.token")).trim();
    }

    static int status(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    String log() throws IOException {
        return Files.readString(work.resolve("felix.log"), StandardCharsets.UTF_8);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    /** SIGTERM (Felix's shutdown hook stops the framework), then wait; kill if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}

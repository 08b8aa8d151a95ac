package org.rtmmlab.web;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's settings, from ConfigAdmin PID {@code org.rtmmlab.web} (e.g. {@code deploy/org.rtmmlab.web.cfg}, read by
 * FileInstall), every key optional:
 * <ul>
 *   <li>{@code token.file}: where the token is written (default {@code <rtmm.data.dir>/dashboard.token})</li>
 *   <li>{@code upload.enabled}: accept plugin jars over HTTP ({@code POST /api/plugins}), default {@code false}</li>
 *   <li>{@code upload.maxBytes}: the largest jar accepted, default 16 MiB</li>
 *   <li>{@code allowedHosts}: extra host names accepted in the {@code Host} header (comma-separated), besides
 *       {@code 127.0.0.1}, {@code localhost} and {@code [::1]}; needed only when the server is bound elsewhere</li>
 *   <li>{@code ping.ms}: interval of the event streams' keep-alive comments, default 15000</li>
 * </ul>
 * The listen address and port are Felix HTTP's ({@code org.apache.felix.http.host}, {@code org.osgi.service.http.port}
 * in {@code etc/config.properties}).
 */
record WebSettings(Path tokenFile, boolean uploadEnabled, long uploadMaxBytes, Set<String> allowedHosts, long pingMs,
                   Path dataDir, Path deployDir) {

    static final long DEFAULT_UPLOAD_MAX_BYTES = 16L << 20;

    /**
     * @param config   the component's configuration properties
     * @param dataDir  the container's data folder ({@code rtmm.data.dir})
     * @param deployDir FileInstall's folder ({@code felix.fileinstall.dir})
     */
    static WebSettings of(Map<String, ?> config, Path dataDir, Path deployDir) {
        Object tf = config.get("token.file");
        // a relative token.file is relative to the container's working directory, as rtmm.data.dir is
        Path token = tf == null || tf.toString().isBlank() ? dataDir.resolve("dashboard.token")
                : Path.of(tf.toString().trim()).toAbsolutePath();
        boolean upload = Boolean.parseBoolean(String.valueOf(config.get("upload.enabled")).trim());
        long max = longValue(config.get("upload.maxBytes"), DEFAULT_UPLOAD_MAX_BYTES, "upload.maxBytes");
        long ping = longValue(config.get("ping.ms"), 15_000, "ping.ms");
        Set<String> hosts = new TreeSet<>(Set.of("127.0.0.1", "localhost", "[::1]"));
        Object extra = config.get("allowedHosts");
        if (extra != null) {
            Arrays.stream(extra.toString().split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty()).forEach(hosts::add);
        }
        return new WebSettings(token, upload, max, Set.copyOf(hosts), ping, dataDir, deployDir);
    }

    private static long longValue(Object v, long dflt, String key) {
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        try {
            long l = Long.parseLong(v.toString().trim());
            if (l <= 0) {
                throw new NumberFormatException();
            }
            return l;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("org.rtmmlab.web: " + key + " must be a positive integer, got '" + v + "'");
        }
    }

    /** @return true if the {@code Host} header (name and optional port) names an allowed host */
    boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            name = end < 0 ? h : h.substring(0, end + 1);
        } else {
            int colon = h.indexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
        }
        return allowedHosts.contains(name);
    }
}

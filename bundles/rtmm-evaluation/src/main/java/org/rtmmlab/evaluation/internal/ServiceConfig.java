package org.rtmmlab.evaluation.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rtmmlab.api.InvalidInputException;

/**
 * The service's ConfigAdmin properties ({@code etc/org.rtmmlab.evaluation.cfg} or FileInstall's {@code deploy/}):
 * {@code workers} (a whole number &gt;= 1, default the number of cores), {@code dataDir} (a folder, default the
 * framework property {@code rtmm.data.dir}, else {@code data}) and {@code schedulerTimeout} (seconds &gt;= 0, may have
 * a fraction, default 60). A bad value is an error naming the PID and key.
 */
final class ServiceConfig {

    /** Default seconds a run waits for its scheduler's plugin to return. */
    static final double DEFAULT_SCHEDULER_TIMEOUT_S = 60;

    private ServiceConfig() {
    }

    static int workers(Map<String, Object> config) {
        Object v = config == null ? null : config.get("workers");
        if (v == null || v.toString().isBlank()) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        try {
            int n = Integer.parseInt(v.toString().trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(EvaluationServiceImpl.PID, "workers", "must be a whole number >= 1, got '" + v
                + "'");
    }

    static long schedulerTimeoutNs(Map<String, Object> config) {
        Object v = config == null ? null : config.get("schedulerTimeout");
        if (v == null || v.toString().isBlank()) {
            return (long) (DEFAULT_SCHEDULER_TIMEOUT_S * TimeUnit.SECONDS.toNanos(1));
        }
        try {
            double s = Double.parseDouble(v.toString().trim());
            if (s >= 0 && s < 1e9) {
                return (long) (s * 1e9);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(EvaluationServiceImpl.PID, "schedulerTimeout",
                "must be a number of seconds >= 0, got '" + v + "'");
    }

    static Path dataDir(Map<String, Object> config, String frameworkDataDir) {
        Object v = config == null ? null : config.get("dataDir");
        String dir = v != null && !v.toString().isBlank() ? v.toString().trim()
                : frameworkDataDir != null ? frameworkDataDir : "data";
        return Path.of(dir).toAbsolutePath();
    }
}

package org.rtmmlab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds a file of a published result for download, refusing every path that leaves the result's folder: the
 * evaluation id must be one plain folder name, the file path is normalised and must stay inside that folder, and
 * so must its real location (a symbolic link pointing out, the file or the result folder itself, is refused too).
 */
final class ResultFiles {

    private ResultFiles() {
    }

    /**
     * @param resultsDir the service's results folder ({@code data/results})
     * @param id         evaluation id (one folder name)
     * @param file       path inside the result folder, '/'-separated (e.g. {@code report.html}, {@code run/trace.json})
     * @return the file, a regular file inside {@code resultsDir/id}
     * @throws ApiException 403 for a path that leaves the folder, 404 for one that does not exist
     */
    static Path resolve(Path resultsDir, String id, String file) {
        if (id == null || id.isEmpty() || id.equals(".") || id.equals("..") || id.contains("/") || id.contains("\\")
                || file == null || file.isEmpty() || file.contains("\\") || file.indexOf('\0') >= 0) {
            throw new ApiException(403, "refused: '" + id + "/" + file + "' is not a file inside a result folder");
        }
        Path root = resultsDir.toAbsolutePath().normalize();
        Path dir = root.resolve(id).normalize();
        Path target;
        try {
            target = dir.resolve(file).normalize();
        } catch (InvalidPathException e) {
            throw new ApiException(403, "refused: '" + file + "' is not a valid file name");
        }
        if (!dir.getParent().equals(root) || !target.startsWith(dir) || target.equals(dir)) {
            throw new ApiException(403, "refused: '" + id + "/" + file + "' leaves the result folder");
        }
        if (!Files.isRegularFile(target)) {
            throw new ApiException(404, "no file '" + file + "' in result " + id);
        }
        try {
            Path real = target.toRealPath();
            // the result folder itself must not be a link out of the results folder either
            Path realDir = root.toRealPath().resolve(dir.getFileName());
            if (!dir.toRealPath().equals(realDir) || !real.startsWith(realDir)
                    || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new ApiException(403, "refused: '" + id + "/" + file + "' links outside the result folder");
            }
            return real;
        } catch (IOException e) {
            throw new ApiException(404, "no file '" + file + "' in result " + id);
        }
    }

    /** @return the content type for a result file, by extension */
    static String contentType(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (n.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (n.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (n.endsWith(".txt") || n.endsWith(".log")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }
}

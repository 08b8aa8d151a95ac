package org.rtmmlab.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The dashboard's access token: 32 random bytes (hex), new at every start of the container, written to
 * {@code data/dashboard.token} readable by the owner only (POSIX {@code rw-------}, created with those rights, then
 * moved into place). Every state-changing request must carry it in the {@code X-RTMM-Token} header; the page gets
 * it from the URL fragment the container prints ({@code /ui/#token=...}, never sent to the server) or from the
 * user pasting the file's content.
 */
final class DashboardToken {

    /** The request header that carries the token. */
    static final String HEADER = "X-RTMM-Token";

    private final String value;
    private final Path file;

    private DashboardToken(String value, Path file) {
        this.value = value;
        this.file = file;
    }

    /** Creates a new random token and writes it to {@code file} (replacing an older one). */
    static DashboardToken create(Path file) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String value = HexFormat.of().formatHex(bytes);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, value + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dashboard token to " + file + ": " + e.getMessage(), e);
        }
        return new DashboardToken(value, file);
    }

    /** @return true if {@code candidate} is the token (constant-time comparison) */
    boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                candidate.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the token */
    String value() {
        return value;
    }

    /** @return the file it was written to */
    Path file() {
        return file;
    }
}

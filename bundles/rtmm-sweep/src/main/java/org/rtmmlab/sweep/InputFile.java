package org.rtmmlab.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file a point reads (a scenario or platform file, or a platform template's instance), known by its path as the
 * point's configuration names it and the SHA-256 of its bytes. Template instances travel with the task
 * ({@code content} set) and are written at the same path on a member that lacks them; other files must already be
 * at that path on every member, with the same bytes, or the point fails there with a message naming the file.
 *
 * @param path    the path as written in the run configuration
 * @param sha256  hex SHA-256 of the file's bytes
 * @param content the bytes to write on members, or {@code null} when the file is not shipped
 */
public record InputFile(String path, String sha256, byte[] content) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the input for a file on this machine (not shipped) */
    static InputFile local(Path file) throws IOException {
        return new InputFile(file.toString(), sha256(Files.readAllBytes(file)), null);
    }

    /** @return the input for a generated file shipped with each task */
    static InputFile shipped(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputFile(path, sha256(bytes), bytes);
    }

    /** @return hex SHA-256 of {@code bytes} */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package org.rtmmlab.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rtmmlab.api.InvalidInputException;

/**
 * Reads a user's input file (scenario, platform, sweep, template) as UTF-8 text, refusing up front what is not one:
 * a missing file, a folder, a link that leads nowhere, a FIFO, device or socket (reading {@code /dev/zero} or a FIFO
 * would never end), a file over {@value #MAX_BYTES} bytes, and bytes that are not UTF-8 (UTF-16 is named as such).
 * A UTF-8 byte order mark is skipped (RFC 8259 section 8.1 lets a parser ignore it). Each refusal is one
 * {@link InvalidInputException} naming the file (issue 17).
 */
public final class InputFiles {

    /** Largest input file read, bytes (64 MiB: the largest shipped input is under 1 MiB; a guess with headroom). */
    public static final long MAX_BYTES = 64L << 20;

    private InputFiles() {
    }

    /**
     * @param file   the file
     * @param source its name in errors about its content (the file name, as the readers' JSON errors use)
     * @param what   what the file should be, e.g. {@code "scenario file"}
     * @return the file's text
     * @throws InvalidInputException naming the file: errors about the file itself at path "", encoding errors at
     *                               {@code $}
     */
    public static String read(Path file, String source, String what) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidInputException(name, "", Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "is a link that leads nowhere (a loop or a missing target), not a " + what : what + " not found");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name, "", "is a folder, not a " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(name, "", "is not a regular file (a FIFO, device or socket), not a "
                    + what);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidInputException(name, "", "is " + size + " bytes, over the " + MAX_BYTES
                        + " bytes a " + what + " may have");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // the file may grow while it is read
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name, "", what + " not found");
        } catch (IOException e) {
            throw new InvalidInputException(name, "", "cannot read " + what + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(name, "", "is over the " + MAX_BYTES + " bytes a " + what + " may have");
        }
        return decode(bytes, source);
    }

    /** @return strict UTF-8 text of {@code bytes}, without a leading byte order mark */
    static String decode(byte[] bytes, String source) {
        int from = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            throw new InvalidInputException(source, "$", "is UTF-16 encoded; save it as UTF-8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBad(bytes, from);
            throw new InvalidInputException(source, "$", "not UTF-8 text: invalid byte 0x" + String.format("%02X",
                    bytes[at] & 0xFF) + " at byte offset " + at);
        }
    }

    /** @return the offset of the first byte where strict UTF-8 decoding fails */
    private static int firstBad(byte[] bytes, int from) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}

package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;

/** Issue 17, item 4: special and malformed files where an input file is expected are one-line errors, never hangs. */
class InputFilesTest {

    private static String error(Path file) {
        return assertThrows(InvalidInputException.class, () -> InputFiles.read(file, "x.json", "scenario file"))
                .getMessage();
    }

    @Test
    void foldersFifosDevicesAndBrokenLinksAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        assertEquals(folder + ": is a folder, not a scenario file", error(folder));
        Path fifo = dir.resolve("fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(fifo + ": is not a regular file (a FIFO, device or socket), not a scenario file", error(fifo));
        Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertEquals(zero + ": is not a regular file (a FIFO, device or socket), not a scenario file", error(zero));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.json"), Path.of("loop.json"));
        assertEquals(loop + ": is a link that leads nowhere (a loop or a missing target), not a scenario file",
                error(loop));
        assertEquals(dir.resolve("none.json") + ": scenario file not found", error(dir.resolve("none.json")));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(InputFiles.MAX_BYTES + 1); // sparse: nothing is written
        }
        assertEquals(big + ": is 67108865 bytes, over the 67108864 bytes a scenario file may have", error(big));
    }

    @Test
    void textMustBeUtf8AByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
        Path bad = Files.write(dir.resolve("bad.json"), new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'});
        assertEquals("x.json: $: not UTF-8 text: invalid byte 0xC3 at byte offset 2", error(bad));
        Path utf16 = Files.write(dir.resolve("u16.json"), "{}".getBytes(StandardCharsets.UTF_16));
        assertEquals("x.json: $: is UTF-16 encoded; save it as UTF-8", error(utf16));
        Path bom = Files.write(dir.resolve("bom.json"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        assertEquals("{}", InputFiles.read(bom, "x.json", "scenario file"));
        assertEquals("{\"a\":\"\u00e9\"}", InputFiles.read(Files.writeString(dir.resolve("ok.json"),
                "{\"a\":\"\u00e9\"}"), "x.json", "scenario file"));
    }
}

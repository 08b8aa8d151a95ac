package org.rtmmlab.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.rtmmlab.api.run.RunConfig;

/**
 * Default run directories, the same on the command line ({@code results/}) and in the container
 * ({@code data/runs/}): {@code <root>/<scenario>/<platform>/<scheduler>-seed<N>[-compat]}, ids made path-safe.
 */
public final class RunPaths {

    private RunPaths() {
    }

    /** @return the directory of run {@code c} below {@code root} */
    public static Path forRun(Path root, RunConfig c) {
        return root.resolve(safe(c.scenario())).resolve(safe(c.platform()))
                .resolve(safe(c.scheduler()) + "-seed" + c.seed() + (c.xrbenchCompat() ? "-compat" : ""));
    }

    /**
     * Path-safe directory name of an id: letters, digits, '.', '_' and '-' are kept, every other character becomes
     * '_', and so does a leading '.' (no hidden or "." / ".." directories). When anything other than '/' was
     * replaced, "-" and the first 8 hex digits of the SHA-256 of the id (UTF-8) are appended, so ids that differ
     * only there ("file/my hands", "file/my_hands") get different directories; "xrbench/VR_gaming" stays
     * "xrbench_VR_gaming".
     */
    public static String safe(String id) {
        StringBuilder s = new StringBuilder(id.length() + 9);
        boolean lossy = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && i > 0);
            s.append(keep ? c : '_');
            lossy |= !keep && c != '/';
        }
        return lossy ? s.append('-').append(sha256Hex(id), 0, 8).toString() : s.toString();
    }

    /** @return the SHA-256 of the UTF-8 bytes of {@code text}, in lower-case hex (also the output folder marker's) */
    static String sha256Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(2 * d.length);
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

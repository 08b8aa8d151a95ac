package org.rtmmlab.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the repository self-contained: no main source, Javadoc, build file, script or README may cite a document
 * outside the repository (the lab's former reference shelf: its design document, research notes and the XRBench
 * runtime notes). Those documents live under {@code docs/}; cite them there. Test sources are not scanned.
 */
class SelfContainedDocsIT {

    /** Fragments that only a reference to a document outside the repository contains. */
    private static final List<String> OUTSIDE_REFERENCES = List.of("../shared", "/work/", "shared/DESIGN",
            "shared/notes", "shared/data", "DESIGN.md", "DESIGN section", "RUNTIME.md", "notes/baselines.md",
            "notes/dream.md", "data/xrbench/");

    /** Text files a reader or a compiler sees; data files (JSON, CSV) keep their provenance records as measured. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "md", "txt", "xml", "properties", "sh",
            "html", "js", "css", "cfg");

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules", ".mvn");

    private final Path root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void noMainSourceOrReadmeCitesADocumentOutsideTheRepository() throws IOException {
        assertTrue(Files.isRegularFile(root.resolve("docs/simulation.md")), "not the repository root: " + root);
        List<String> offenders = new ArrayList<>();
        int[] scanned = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean testSources = name.equals("test") && dir.getParent() != null
                        && dir.getParent().getFileName().toString().equals("src");
                return SKIPPED_DIRECTORIES.contains(name) || testSources ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (isText(file)) {
                    scanned[0]++;
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        for (String fragment : OUTSIDE_REFERENCES) {
                            if (lines.get(i).contains(fragment)) {
                                offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + fragment);
                            }
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertTrue(scanned[0] > 100, "scanned only " + scanned[0] + " files under " + root);
        assertTrue(offenders.isEmpty(), "references to documents outside the repository (move the document under"
                + " docs/ and cite it there):\n" + String.join("\n", offenders));
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("rtmm") || name.startsWith("README")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1));
    }
}

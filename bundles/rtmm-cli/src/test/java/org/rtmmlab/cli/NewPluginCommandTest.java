package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtmm new-plugin}: generated projects compile against the kits; bad input writes nothing. */
class NewPluginCommandTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z_]+@");

    private static CliRunTest.Outcome rtmm(String... args) {
        return CliRunTest.rtmm(args);
    }

    @Test
    void aSchedulerProjectDependsOnTheApiAndTheEngineKitAndCompiles(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("my-edf");
        CliRunTest.Outcome o = rtmm("new-plugin", "scheduler", "my-edf", "--dir", project.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("created scheduler plugin 'my-edf'"), o.out());
        Path main = project.resolve("src/main/java/com/example/myedf/MyEdfPolicy.java");
        Path test = project.resolve("src/test/java/com/example/myedf/MyEdfPolicyContractTest.java");
        assertTrue(Files.isRegularFile(main) && Files.isRegularFile(test));
        String source = Files.readString(main);
        assertTrue(source.contains("@Component(service = SchedulerPolicy.class)"));
        assertTrue(source.contains("@ServiceProvider(value = SchedulerPolicy.class"));
        assertTrue(source.contains("public static final String ID = \"my-edf\";"));
        assertTrue(Files.readString(test).contains("extends SchedulerPolicyContract"));
        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>my-edf</artifactId>"));
        assertTrue(pom.contains("<rtmm.groupId>org.rtmmlab</rtmm.groupId>"), pom);
        assertTrue(pom.contains("<rtmm.version>" + PluginTemplate.labCoordinates().getProperty("version")
                + "</rtmm.version>"));
        assertEquals(List.of("rtmm-api", "rtmm-testkit-engine"), labArtifacts(pom));
        assertTrue(pom.contains("<artifactId>rtmm-testkit-engine</artifactId><version>${rtmm.version}</version>"
                + "<scope>test</scope>"));
        assertTrue(Files.readString(project.resolve("README.md")).contains("--scheduler my-edf"));
        noPlaceholderLeft(project);
        compiles(project);
    }

    @Test
    void aCostModelProjectUsesTheApiOnlyKitAndCompiles(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("roof");
        assertEquals(0, rtmm("new-plugin", "cost-model", "roof", "--dir", project.toString(), "--group-id",
                "org.acme").code());
        assertTrue(Files.readString(project.resolve("src/main/java/org/acme/roof/RoofModel.java"))
                .contains("@Component(service = AcceleratorModel.class)"));
        assertTrue(Files.readString(project.resolve("src/test/java/org/acme/roof/RoofModelContractTest.java"))
                .contains("extends AcceleratorModelContract"));
        String pom = Files.readString(project.resolve("pom.xml"));
        assertEquals(List.of("rtmm-api", "rtmm-testkit"), labArtifacts(pom));
        assertTrue(pom.contains("<groupId>org.acme</groupId>"));
        noPlaceholderLeft(project);
        compiles(project);
    }

    @Test
    void aReporterProjectHasATestOfItsOutputAndCompiles(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("lat-table");
        assertEquals(0, rtmm("new-plugin", "reporter", "lat-table", "--dir", project.toString()).code());
        Path test = project.resolve("src/test/java/com/example/lattable/LatTableReporterTest.java");
        assertTrue(Files.readString(test).contains("Files.readString(dir.resolve(\"lat-table.csv\")"));
        assertEquals(List.of("rtmm-api", "rtmm-testkit"), labArtifacts(Files.readString(project.resolve("pom.xml"))));
        noPlaceholderLeft(project);
        compiles(project);
    }

    @Test
    void anInvalidNameIsOneLineAndWritesNothing(@TempDir Path dir) throws IOException {
        for (String bad : new String[] {"MyEdf", "my_edf", "-edf", "edf-", "my--edf", "9lives", "a".repeat(41)}) {
            // "--": a NAME starting with '-' is then a NAME, not an option
            CliRunTest.Outcome o = rtmm("new-plugin", "--dir", dir.resolve("p").toString(), "scheduler", "--", bad);
            assertEquals(2, o.code(), bad);
            assertTrue(o.err().startsWith("error: invalid NAME '" + bad + "'"), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
        CliRunTest.Outcome keyword = rtmm("new-plugin", "scheduler", "int", "--dir", dir.resolve("p").toString());
        assertEquals(2, keyword.code());
        assertTrue(keyword.err().contains("not a lower-case Java package name"), keyword.err());
        CliRunTest.Outcome kind = rtmm("new-plugin", "policy", "x", "--dir", dir.resolve("p").toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().startsWith("error: unknown KIND 'policy' (one of: scheduler, cost-model, reporter)"),
                kind.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void anExistingFolderIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
        Path project = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(project.resolve("pom.xml"), "my own pom");
        CliRunTest.Outcome o = rtmm("new-plugin", "reporter", "mine", "--dir", project.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(project + " already exists") && o.err().contains("nothing was written"), o.err());
        assertEquals("my own pom", Files.readString(project.resolve("pom.xml")));
        try (Stream<Path> s = Files.list(project)) {
            assertEquals(1, s.count());
        }
    }

    /** @return the lab artifacts the pom depends on, in order */
    private static List<String> labArtifacts(String pom) {
        List<String> out = new ArrayList<>();
        var m = Pattern.compile("<groupId>\\$\\{rtmm.groupId}</groupId><artifactId>([^<]+)</artifactId>").matcher(pom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void noPlaceholderLeft(Path project) throws IOException {
        try (Stream<Path> s = Files.walk(project)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(PLACEHOLDER.matcher(text).find(), f + " keeps a placeholder");
            }
        }
    }

    /** Compiles the project's main and test sources against this module's test class path (api, kits, JUnit). */
    private static void compiles(Path project) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", project.resolve("classes").toString(), "-classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-proc:none"));
        int options = args.size();
        try (Stream<Path> s = Files.walk(project.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        int rc = javac.getTask(log, null, null, args.subList(0, options), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjectsFromStrings(args.subList(options, args.size()))).call() ? 0 : 1;
        assertEquals(0, rc, log.toString());
    }
}

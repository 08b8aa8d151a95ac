package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine;

/**
 * {@code rtmm deploy} and the checks of {@code --plugins} on real jars built here: a bundle registering
 * {@link JarredReporter} through DS and ServiceLoader, with the imports a test gives it.
 */
class DeployCommandTest {

    private static final String GOOD_IMPORTS =
            "org.rtmmlab.api;version=\"[1.0,2)\",org.rtmmlab.api.run;version=\"[1.0,2)\",java.util";

    @Test
    void aBundleThatResolvesIsCopiedIntoTheLabHomesDeployFolder(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path jar = plugin(dir.resolve("my-reporter.jar"), "my-reporter", "1.0.0", GOOD_IMPORTS, true, true);
        CliRunTest.Outcome o = rtmm("deploy", jar.toString(), "--home", home.toString());
        assertEquals(0, o.code(), o.err());
        Path deployed = home.resolve("deploy/my-reporter.jar");
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(deployed));
        assertTrue(o.out().startsWith("deployed my-reporter 1.0.0 to " + deployed), o.out());
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(home.resolve("deploy")), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aWrongApiVersionIsRefusedNamingThePackageTheRangeAndTheLabsVersion(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path jar = plugin(dir.resolve("future.jar"), "future", "1.0.0",
                GOOD_IMPORTS + ",org.rtmmlab.api.scheduler;version=\"[99,100)\"", true, true);
        CliRunTest.Outcome o = rtmm("deploy", jar.toString(), "--home", home.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().matches("error: deploy: " + java.util.regex.Pattern.quote(jar.toString())
                + ": imports org\\.rtmmlab\\.api\\.scheduler \\[99\\.0\\.0,100\\.0\\.0\\), but the lab exports "
                + "org\\.rtmmlab\\.api\\.scheduler 1\\.\\d+\\.\\d+\\R"), o.err());
        assertFalse(Files.exists(home.resolve("deploy/future.jar")), "nothing copied");
    }

    @Test
    void aPackageTheLabDoesNotExportIsNamed(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path jar = plugin(dir.resolve("x.jar"), "x", "1.0.0",
                GOOD_IMPORTS + ",org.rtmmlab.nowhere;version=1.2", true, true);
        CliRunTest.Outcome o = rtmm("deploy", jar.toString(), "--home", home.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().endsWith(": imports org.rtmmlab.nowhere >= 1.2.0, which the lab does not export\n"),
                o.err());
    }

    @Test
    void anOptionalImportAndForeignPackagesAreNotChecked(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path jar = plugin(dir.resolve("x.jar"), "x", "1.0.0", GOOD_IMPORTS
                + ",org.rtmmlab.nowhere;resolution:=optional,com.example.other;version=\"[5,6)\"", true, true);
        assertEquals(0, rtmm("deploy", jar.toString(), "--home", home.toString()).code());
    }

    @Test
    void aPlainJarOrOneWithoutRegistrationIsRefused(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path plain = dir.resolve("plain.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(plain))) {
            j.putNextEntry(new JarEntry("a.txt"));
        }
        CliRunTest.Outcome o = rtmm("deploy", plain.toString(), "--home", home.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: deploy: " + plain + ": not an OSGi bundle"), o.err());

        Path noDs = plugin(dir.resolve("nods.jar"), "nods", "1.0.0", GOOD_IMPORTS, false, true);
        o = rtmm("deploy", noDs.toString(), "--home", home.toString());
        assertTrue(o.err().contains(": registers no Declarative Services component"), o.err());

        Path noServices = plugin(dir.resolve("nosl.jar"), "nosl", "1.0.0", GOOD_IMPORTS, true, false);
        DeployCommand cmd = new DeployCommand();
        cmd.pluginsFolder = dir.resolve("plugins");
        new CommandLine(cmd).parseArgs(noServices.toString(), "--cli");
        InvalidInputException e = assertThrows(InvalidInputException.class, cmd::call);
        assertTrue(e.getMessage().contains(": registers no plugin for the command line"), e.getMessage());
        assertFalse(Files.exists(home.resolve("deploy")), "nothing copied");
    }

    @Test
    void aDescriptorOrServiceClassTheJarLacksIsNamed(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("broken.jar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/services/org.rtmmlab.api.run.MetricReporter",
                "# mine\norg.example.Missing\n".getBytes(StandardCharsets.UTF_8));
        write(jar, manifest("broken", "1.0.0", GOOD_IMPORTS, null), entries);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PluginJar.read(jar, "x"));
        assertEquals("x: " + jar + ": META-INF/services/org.rtmmlab.api.run.MetricReporter names "
                + "org.example.Missing, which is not in the jar", e.getMessage());
        write(jar, manifest("broken", "1.0.0", GOOD_IMPORTS, "OSGI-INF/gone.xml"), Map.of());
        e = assertThrows(InvalidInputException.class, () -> PluginJar.read(jar, "x"));
        assertEquals("x: " + jar + ": Service-Component names OSGI-INF/gone.xml, which is not in the jar",
                e.getMessage());
    }

    @Test
    void theSameBundleUnderAnotherFileNameReplacesTheDeployedJar(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path v1 = plugin(dir.resolve("mine-1.0.jar"), "mine", "1.0.0", GOOD_IMPORTS, true, true);
        Path v2 = plugin(dir.resolve("mine-2.0.jar"), "mine", "2.0.0", GOOD_IMPORTS, true, true);
        assertEquals(0, rtmm("deploy", v1.toString(), "--home", home.toString()).code());
        CliRunTest.Outcome o = rtmm("deploy", v2.toString(), "--home", home.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("(replaced the earlier jar)"), o.out());
        try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
            assertEquals(List.of(home.resolve("deploy/mine-1.0.jar")), s.toList(), "updated in place");
        }
        assertArrayEquals(Files.readAllBytes(v2), Files.readAllBytes(home.resolve("deploy/mine-1.0.jar")));
    }

    @Test
    void withCliTheJarGoesIntoThePluginsFolder(@TempDir Path dir) throws Exception {
        Path jar = plugin(dir.resolve("r.jar"), "r", "1.0.0", GOOD_IMPORTS, false, true);
        DeployCommand cmd = new DeployCommand();
        cmd.pluginsFolder = dir.resolve("plugins");
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        cl.parseArgs(jar.toString(), "--cli");
        cmd.spec = cl.getCommandSpec();
        assertEquals(0, cmd.call());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(dir.resolve("plugins/r.jar")));
    }

    @Test
    void aMissingLabHomeIsAnError(@TempDir Path dir) throws IOException {
        Path jar = plugin(dir.resolve("r.jar"), "r", "1.0.0", GOOD_IMPORTS, true, true);
        CliRunTest.Outcome o = rtmm("deploy", jar.toString(), "--home", dir.resolve("nope").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: deploy: --home: lab home " + dir.resolve("nope") + " does not exist"),
                o.err());
    }

    @Test
    void pluginsRefusesACorruptJarAndOneThatDoesNotResolve(@TempDir Path dir) throws IOException {
        Path corrupt = dir.resolve("corrupt.jar");
        Files.writeString(corrupt, "not a zip");
        CliRunTest.Outcome o = rtmm("list", "--plugins", corrupt.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: --plugins: " + corrupt + ": not a readable jar: "), o.err());

        Path future = plugin(dir.resolve("future.jar"), "future", "1.0.0",
                "org.rtmmlab.api.run;version=\"[99,100)\"", true, true);
        o = rtmm("list", "--plugins", future.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().matches("error: --plugins: " + java.util.regex.Pattern.quote(future.toString())
                + ": imports org\\.rtmmlab\\.api\\.run \\[99\\.0\\.0,100\\.0\\.0\\), but the lab exports "
                + "org\\.rtmmlab\\.api\\.run 1\\.\\d+\\.\\d+\\R"), o.err());

        Path good = plugin(dir.resolve("good.jar"), "good", "1.0.0", GOOD_IMPORTS, true, true);
        o = rtmm("list", "--plugins", good.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("test-jarred"), "the resolving bundle's reporter is loaded");
    }

    // ---------------------------------------------------------------- jars

    /** A bundle holding {@link JarredReporter}, registered through DS and/or ServiceLoader. */
    static Path plugin(Path jar, String bsn, String version, String imports, boolean ds, boolean serviceLoader)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String descriptor = "OSGI-INF/org.rtmmlab.cli.JarredReporter.xml";
        if (ds) {
            entries.put(descriptor, ("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" "
                    + "name=\"org.rtmmlab.cli.JarredReporter\"><implementation class=\"org.rtmmlab.cli.JarredReporter\"/>"
                    + "<service><provide interface=\"org.rtmmlab.api.run.MetricReporter\"/></service></scr:component>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (serviceLoader) {
            entries.put("META-INF/services/org.rtmmlab.api.run.MetricReporter",
                    "org.rtmmlab.cli.JarredReporter\n".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = JarredReporter.class.getResourceAsStream("JarredReporter.class")) {
            entries.put("org/rtmmlab/cli/JarredReporter.class", in.readAllBytes());
        }
        write(jar, manifest(bsn, version, imports, ds ? descriptor : null), entries);
        return jar;
    }

    private static Manifest manifest(String bsn, String version, String imports, String serviceComponent) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn + ";singleton:=false");
        a.putValue("Bundle-Version", version);
        a.putValue("Import-Package", imports);
        if (serviceComponent != null) {
            a.putValue("Service-Component", serviceComponent);
        }
        return mf;
    }

    private static void write(Path jar, Manifest mf, Map<String, byte[]> entries) throws IOException {
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue());
            }
        }
    }
}

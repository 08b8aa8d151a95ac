package org.rtmmlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The project template of one plugin kind ({@code scheduler}, {@code cost-model}, {@code reporter}): which
 * resource files under {@code org/rtmmlab/cli/templates/} become which files of a standalone Maven project, and the
 * values of their {@code @KEY@} placeholders. Rendering is pure (no file system): {@link #render} returns the
 * project's files by relative path.
 */
enum PluginTemplate {

    /** A scheduler policy and its {@code SchedulerPolicyContract} test. */
    SCHEDULER("scheduler", "Policy", "ContractTest", "rtmm-testkit-engine",
            "the scheduler contract kit: brings the engine, the XRBench scenarios and platforms, and the API-only kit",
            "a scheduler policy, earliest deadline first in blocks of `blockLayers` layers on the fastest idle"
                    + " accelerator",
            "`SchedulerPolicyContract` (rtmm-testkit-engine): hand-computable scenarios and XRBench runs through the"
                    + " real engine, each run twice",
            List.of("Policy.java", "PolicyContractTest.java")),
    /** An accelerator cost model and its {@code AcceleratorModelContract} test. */
    COST_MODEL("cost-model", "Model", "ContractTest", "rtmm-testkit",
            "the API-only kit: AcceleratorModelContract",
            "an accelerator cost model (a roofline) and its platform `@NAME@/duo`",
            "`AcceleratorModelContract` (rtmm-testkit): positive, monotone, deterministic, thread-safe costs",
            List.of("Model.java", "ModelContractTest.java")),
    /** A metric reporter and a test of the file it writes. */
    REPORTER("reporter", "Reporter", "Test", "rtmm-testkit",
            "the API-only kit: hand-built scenarios and platforms for the reporter's test",
            "a reporter writing `@NAME@.csv` (per-model outcomes and latency percentiles) and `@NAME@.p95.ms`",
            "the reporter fed five hand-made requests: the CSV and the figure computed by hand",
            List.of("Reporter.java", "ReporterTest.java"));

    /** A plugin id: lower-case words of letters and digits joined by single '-', starting with a letter. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Longest accepted NAME (it becomes an artifact id, a directory and a class name). */
    static final int MAX_NAME = 40;

    private static final String ROOT = "templates/";

    private final String kind;
    private final String classSuffix;
    private final String testSuffix;
    private final String testkit;
    private final String testkitComment;
    private final String what;
    private final String testWhat;
    private final List<String> sources;

    PluginTemplate(String kind, String classSuffix, String testSuffix, String testkit, String testkitComment,
                   String what, String testWhat, List<String> sources) {
        this.kind = kind;
        this.classSuffix = classSuffix;
        this.testSuffix = testSuffix;
        this.testkit = testkit;
        this.testkitComment = testkitComment;
        this.what = what;
        this.testWhat = testWhat;
        this.sources = sources;
    }

    /** @return the kind as typed on the command line */
    String kind() {
        return kind;
    }

    /** @return the template of {@code kind}, or null */
    static PluginTemplate of(String kind) {
        for (PluginTemplate t : values()) {
            if (t.kind.equals(kind)) {
                return t;
            }
        }
        return null;
    }

    /** @return the kinds, comma-separated, for messages */
    static String kinds() {
        StringBuilder b = new StringBuilder();
        for (PluginTemplate t : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.kind);
        }
        return b.toString();
    }

    /** @return why {@code name} is not a valid NAME, or null if it is */
    static String nameProblem(String name) {
        if (name.length() > MAX_NAME) {
            return "longer than " + MAX_NAME + " characters";
        }
        if (!NAME.matcher(name).matches()) {
            return "use lower-case letters and digits, words joined by single '-', starting with a letter"
                    + " (e.g. my-scheduler)";
        }
        return null;
    }

    /** @return {@code my-edf} as {@code MyEdf} */
    static String camel(String name) {
        StringBuilder b = new StringBuilder();
        for (String word : name.split("-")) {
            b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return b.toString();
    }

    /** @return the Java package of plugin {@code name} in group {@code groupId}: {@code com.example.myedf} */
    static String packageOf(String groupId, String name) {
        return groupId + "." + name.replace("-", "");
    }

    /** @return why {@code pkg} cannot be a Java package, or null if it can */
    static String packageProblem(String pkg) {
        return SourceVersion.isName(pkg) && pkg.equals(pkg.toLowerCase(Locale.ROOT)) ? null
                : "'" + pkg + "' is not a lower-case Java package name (a Java keyword or an invalid part?)";
    }

    /**
     * Renders the project of plugin {@code name}.
     *
     * @param groupId    the project's groupId, also the root of its Java package
     * @param use        the README's lines showing how to use the built jar
     * @return file contents by path relative to the project folder, in creation order
     */
    Map<String, String> render(String name, String groupId, String use) {
        String pkg = packageOf(groupId, name);
        String cls = camel(name) + classSuffix;
        Properties lab = labCoordinates();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("@KIND@", kind);
        values.put("@NAME@", name);
        values.put("@GROUP_ID@", groupId);
        values.put("@PACKAGE@", pkg);
        values.put("@PACKAGE_PATH@", pkg.replace('.', '/'));
        values.put("@CLASS@", cls);
        values.put("@TEST_CLASS@", cls + testSuffix);
        values.put("@TESTKIT@", testkit);
        values.put("@TESTKIT_COMMENT@", testkitComment);
        values.put("@WHAT@", what);
        values.put("@TEST_WHAT@", testWhat);
        values.put("@USE@", use);
        values.put("@LAB_GROUP_ID@", lab.getProperty("groupId"));
        values.put("@LAB_VERSION@", lab.getProperty("version"));
        String dir = pkg.replace('.', '/') + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", fill(read("common/pom.xml"), values));
        files.put("README.md", fill(read("common/README.md"), values));
        files.put(".gitignore", read("common/gitignore"));
        files.put("src/main/java/" + dir + cls + ".java", fill(read(kind + "/" + sources.get(0)), values));
        files.put("src/test/java/" + dir + cls + testSuffix + ".java", fill(read(kind + "/" + sources.get(1)), values));
        return files;
    }

    /** Replaces every placeholder; the values themselves may hold placeholders (e.g. @NAME@ in @WHAT@). */
    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** @return the lab's groupId and version, written into lab.properties at build time */
    static Properties labCoordinates() {
        Properties p = new Properties();
        try (InputStream in = PluginTemplate.class.getResourceAsStream(ROOT + "lab.properties")) {
            if (in == null) {
                throw new IllegalStateException("template resource lab.properties missing from the CLI");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String read(String resource) {
        try (InputStream in = PluginTemplate.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + resource + " missing from the CLI");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

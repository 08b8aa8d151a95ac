package org.rtmmlab.cli;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.rtmmlab.api.InvalidInputException;

/**
 * What a plugin jar declares, read from its manifest and entries: bundle name and version, the {@code org.rtmmlab.*}
 * packages it imports (with their version ranges) and exports, and how it registers its plugins (a Declarative
 * Services descriptor for the container, {@code META-INF/services/org.rtmmlab.api.*} files for the command line).
 * Headers are split with bnd's parser; versions and ranges are OSGi's {@link Version} and {@link VersionRange}.
 *
 * @param jar            the file
 * @param symbolicName   {@code Bundle-SymbolicName} without directives; null when the jar is not an OSGi bundle
 * @param version        {@code Bundle-Version} (0.0.0 when absent)
 * @param imports        imported {@code org.rtmmlab.*} packages that are not optional, by name, in header order
 * @param exports        exported {@code org.rtmmlab.*} packages with their versions
 * @param components     the DS descriptors named by {@code Service-Component} (empty: none)
 * @param serviceLoaders the {@code META-INF/services/org.rtmmlab.api.*} files' interface names (empty: none)
 */
public record PluginJar(Path jar, String symbolicName, Version version, Map<String, VersionRange> imports,
                        Map<String, Version> exports, List<String> components, List<String> serviceLoaders) {

    /** The packages whose imports are checked: the lab's own. */
    static final String LAB_PACKAGES = "org.rtmmlab.";

    private static final String SERVICES = "META-INF/services/";

    /** The DS descriptors' header (OSGi Compendium 112.4.1, ComponentConstants.SERVICE_COMPONENT). */
    private static final String SERVICE_COMPONENT = "Service-Component";

    /** Copies the collections. */
    public PluginJar {
        imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        components = List.copyOf(components);
        serviceLoaders = List.copyOf(serviceLoaders);
    }

    /**
     * Reads a jar and checks what it declares is consistent: every DS descriptor the manifest names and every class a
     * {@code META-INF/services} file names is in the jar.
     *
     * @param source what to name in an error before the jar's path (an option such as {@code --plugins}), or empty
     * @throws InvalidInputException naming the jar when it is no readable jar, its manifest headers are malformed, or
     *                               a declared descriptor or class is missing
     */
    public static PluginJar read(Path jar, String source) {
        String where = jar.toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest mf = file.getManifest();
            String bsn = header(mf, Constants.BUNDLE_SYMBOLICNAME);
            Version version = Version.emptyVersion;
            Map<String, VersionRange> imports = new LinkedHashMap<>();
            Map<String, Version> exports = new LinkedHashMap<>();
            List<String> components = new ArrayList<>();
            if (bsn != null) {
                bsn = single(parse(source, where, Constants.BUNDLE_SYMBOLICNAME, bsn));
                version = version(source, where, Constants.BUNDLE_VERSION, header(mf, Constants.BUNDLE_VERSION));
                for (Map.Entry<String, Attrs> e : parse(source, where, Constants.IMPORT_PACKAGE,
                        header(mf, Constants.IMPORT_PACKAGE)).entrySet()) {
                    String pkg = e.getKey();
                    boolean optional = Constants.RESOLUTION_OPTIONAL.equals(
                            e.getValue().get(Constants.RESOLUTION_DIRECTIVE + ":"));
                    if (pkg.startsWith(LAB_PACKAGES) && !optional) {
                        imports.put(pkg, range(source, where, pkg, e.getValue().get(Constants.VERSION_ATTRIBUTE)));
                    }
                }
                exports.putAll(exports(mf, source, where));
                for (String path : parse(source, where, SERVICE_COMPONENT,
                        header(mf, SERVICE_COMPONENT)).keySet()) {
                    if (!present(file, path)) {
                        throw new InvalidInputException(source, where, "Service-Component names " + path
                                + ", which is not in the jar");
                    }
                    components.add(path);
                }
            }
            return new PluginJar(jar, bsn, version, imports, exports, components, serviceLoaders(file, source, where));
        } catch (IOException | SecurityException e) {
            // JarFile reports a truncated or non-zip file as a ZipException, an unreadable one as an IOException
            throw new InvalidInputException(source, where, "not a readable jar: " + Main.oneLine(
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** @return true when the jar is an OSGi bundle (it has a {@code Bundle-SymbolicName}) */
    public boolean bundle() {
        return symbolicName != null;
    }

    /** @return {@code name version} of the bundle, or the file name of a plain jar */
    public String label() {
        return bundle() ? symbolicName + " " + version : String.valueOf(jar.getFileName());
    }

    /** @return the exported {@code org.rtmmlab.*} packages of a bundle manifest, with their versions */
    static Map<String, Version> exports(Manifest mf, String source, String where) {
        Map<String, Version> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attrs> e : parse(source, where, Constants.EXPORT_PACKAGE,
                header(mf, Constants.EXPORT_PACKAGE)).entrySet()) {
            String pkg = e.getKey();
            if (pkg.startsWith(LAB_PACKAGES)) {
                out.put(pkg, version(source, where, pkg, e.getValue().get(Constants.VERSION_ATTRIBUTE)));
            }
        }
        return out;
    }

    private static String header(Manifest mf, String name) {
        return mf == null ? null : mf.getMainAttributes().getValue(name);
    }

    /**
     * @return the header's clauses by name, each with its first clause's attributes and directives (a name given
     *         twice, which bnd keeps apart with a marker, counts once)
     */
    private static Map<String, Attrs> parse(String source, String where, String header, String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Attrs> out = new LinkedHashMap<>();
            new Parameters(value).toMultiMap().forEach((name, clauses) -> out.put(name, clauses.get(0)));
            return out;
        } catch (RuntimeException e) {
            throw new InvalidInputException(source, where, "malformed " + header + " header: "
                    + Main.oneLine(e.getMessage()));
        }
    }

    private static String single(Map<String, Attrs> clauses) {
        return clauses.isEmpty() ? null : clauses.keySet().iterator().next();
    }

    private static Version version(String source, String where, String what, String value) {
        try {
            return value == null ? Version.emptyVersion : Version.parseVersion(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source, where, what + ": bad version '" + value + "'");
        }
    }

    /** An import without a version accepts any version: OSGi reads it as the range {@code [0.0.0,∞)}. */
    private static VersionRange range(String source, String where, String pkg, String value) {
        try {
            return VersionRange.valueOf(value == null ? "0.0.0" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source, where, "imports " + pkg + " with a bad version range '"
                    + value + "'");
        }
    }

    private static boolean present(JarFile file, String path) {
        if (!path.contains("*")) {
            return file.getEntry(path) != null;
        }
        // DS allows a wildcard in the last path segment (OSGi Compendium 112.4.1)
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
        return file.stream().anyMatch(e -> !e.isDirectory() && glob.matches(Path.of(e.getName())));
    }

    private static List<String> serviceLoaders(JarFile file, String source, String where) throws IOException {
        List<String> out = new ArrayList<>();
        List<JarEntry> entries = file.stream()
                .filter(e -> !e.isDirectory() && e.getName().startsWith(SERVICES + "org.rtmmlab.api."))
                .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
        for (JarEntry e : entries) {
            String spi = e.getName().substring(SERVICES.length());
            String text = new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            int classes = 0;
            for (String line : text.lines().toList()) {
                String name = line.replaceFirst("#.*", "").strip(); // the ServiceLoader file format: # comments
                if (name.isEmpty()) {
                    continue;
                }
                if (file.getEntry(name.replace('.', '/') + ".class") == null) {
                    throw new InvalidInputException(source, where, e.getName() + " names " + name
                            + ", which is not in the jar");
                }
                classes++;
            }
            if (classes > 0) {
                out.add(spi);
            }
        }
        return out;
    }
}

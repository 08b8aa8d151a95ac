package org.rtmmlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The {@code org.rtmmlab.*} packages the lab exports, with their versions, read from the {@code Export-Package}
 * headers of the lab's own bundles (the manifests on the command line's class path, the same jars the container
 * ships), plus those of other plugin jars. A plugin jar resolves against them when every package it imports is
 * exported in a version its range includes: the check the OSGi resolver makes for the lab's packages (uses
 * constraints and packages outside {@code org.rtmmlab} are not checked here).
 */
public final class LabExports {

    private final Map<String, TreeSet<Version>> versions;

    private LabExports(Map<String, TreeSet<Version>> versions) {
        this.versions = versions;
    }

    /** @return the exports of every bundle manifest {@code loader} sees ({@code META-INF/MANIFEST.MF}) */
    public static LabExports of(ClassLoader loader) {
        Map<String, TreeSet<Version>> out = new TreeMap<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                try (InputStream in = url.openStream()) {
                    PluginJar.exports(new Manifest(in), "", url.toString())
                            .forEach((pkg, v) -> out.computeIfAbsent(pkg, k -> new TreeSet<>()).add(v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's bundle manifests", e);
        }
        return new LabExports(out);
    }

    /** @return these exports and those of {@code jars} (plugins that export packages to other plugins) */
    public LabExports with(List<PluginJar> jars) {
        Map<String, TreeSet<Version>> out = new TreeMap<>();
        versions.forEach((pkg, v) -> out.put(pkg, new TreeSet<>(v)));
        for (PluginJar j : jars) {
            j.exports().forEach((pkg, v) -> out.computeIfAbsent(pkg, k -> new TreeSet<>()).add(v));
        }
        return new LabExports(out);
    }

    /** @return the versions in which {@code pkg} is exported, lowest first (empty: not exported) */
    public List<Version> versions(String pkg) {
        TreeSet<Version> v = versions.get(pkg);
        return v == null ? List.of() : new ArrayList<>(v);
    }

    /**
     * @return why {@code jar} does not resolve against these exports, on one line naming the first import that
     *         fails, its range and the exported versions (e.g. {@code imports org.rtmmlab.api.scheduler
     *         [99.0.0,100.0.0), but the lab exports org.rtmmlab.api.scheduler 1.3.0}); empty when every import of
     *         an {@code org.rtmmlab} package is satisfied
     */
    public Optional<String> unsatisfied(PluginJar jar) {
        for (Map.Entry<String, VersionRange> e : jar.imports().entrySet()) {
            String pkg = e.getKey();
            VersionRange range = e.getValue();
            List<Version> exported = versions(pkg);
            if (exported.stream().noneMatch(range::includes)) {
                String wanted = "imports " + pkg + " " + describe(range);
                return Optional.of(exported.isEmpty()
                        ? wanted + ", which the lab does not export"
                        : wanted + ", but the lab exports " + pkg + " "
                                + exported.stream().map(Version::toString).collect(Collectors.joining(", ")));
            }
        }
        return Optional.empty();
    }

    /** @return {@code [1.0.0,2.0.0)} for a bounded range, {@code >= 1.0.0} for one without an upper bound */
    static String describe(VersionRange range) {
        return range.getRight() == null ? ">= " + range.getLeft() : range.toString();
    }
}

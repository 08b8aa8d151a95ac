package org.rtmmlab.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that needs plugins: extra plugin jars (your own scheduler bundle works on the
 * command line unchanged) are loaded next to the bundled ones through {@link java.util.ServiceLoader}.
 */
public class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR|JAR", split = ",",
            description = "extra plugin jars or directories of jars (default: ./plugins if it exists; "
                    + "env RTMM_PLUGINS)")
    List<File> plugins = new ArrayList<>();

    /** @return a catalog of the bundled plugins plus the extra jars; load failures go to {@code warnings} */
    public DefaultPluginCatalog catalog(java.util.function.Consumer<String> warnings) {
        List<File> sources = new ArrayList<>(plugins);
        String env = System.getenv("RTMM_PLUGINS");
        if (sources.isEmpty() && env != null && !env.isBlank()) {
            for (String s : env.split(File.pathSeparator)) {
                sources.add(new File(s));
            }
        }
        if (sources.isEmpty() && new File("plugins").isDirectory()) {
            sources.add(new File("plugins"));
        }
        List<URL> urls = new ArrayList<>();
        for (File f : sources) {
            urls.addAll(jars(f));
        }
        ClassLoader parent = PluginOptions.class.getClassLoader();
        if (!urls.isEmpty()) {
            checkImports(urls, parent);
        }
        ClassLoader loader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
        // plugins that look up their peers with ServiceLoader (the files provider resolving model refs) must see the
        // --plugins jars too: the context class loader is where SPI look-ups search (threads created later inherit it)
        Thread.currentThread().setContextClassLoader(loader);
        return ServiceLoaderCatalog.load(loader, warnings);
    }

    /**
     * Reads every jar (a corrupt one is an error, not silently skipped) and checks that each bundle's imports of
     * {@code org.rtmmlab} packages are exported by the lab (or by another of the jars) in a version they accept: the
     * check the container's resolver makes, so a plugin built against another API version fails here as it would
     * there, naming the package and versions, instead of with a linkage error in the middle of a run.
     */
    private static void checkImports(List<URL> urls, ClassLoader lab) {
        List<PluginJar> jars = new ArrayList<>();
        for (URL u : urls) {
            try {
                jars.add(PluginJar.read(Path.of(u.toURI()), "--plugins"));
            } catch (java.net.URISyntaxException e) {
                throw new InvalidInputException("--plugins", u.toString(), "bad path: " + e.getMessage());
            }
        }
        LabExports exports = LabExports.of(lab).with(jars);
        for (PluginJar j : jars) {
            exports.unsatisfied(j).ifPresent(reason -> {
                throw new InvalidInputException("--plugins", j.jar().toString(), reason);
            });
        }
    }

    private static List<URL> jars(File f) {
        List<URL> out = new ArrayList<>();
        try {
            if (f.isDirectory()) {
                try (Stream<Path> s = Files.list(f.toPath())) {
                    for (Path p : s.sorted().toList()) {
                        if (p.toString().endsWith(".jar")) {
                            out.add(p.toUri().toURL());
                        }
                    }
                }
            } else if (f.isFile() && f.getName().endsWith(".jar")) {
                out.add(f.toURI().toURL());
            } else {
                throw new InvalidInputException("--plugins", f.getPath(), "not a jar file or a directory");
            }
        } catch (MalformedURLException e) {
            throw new InvalidInputException("--plugins", f.getPath(), "bad path: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("--plugins", f.getPath(), "cannot read: " + e.getMessage());
        }
        return out;
    }
}

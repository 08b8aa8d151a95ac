package org.rtmmlab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the Karaf features descriptor against what the build really produced: every {@code mvn:} bundle is an
 * artifact Maven resolved, is an OSGi bundle, and the {@code rtmm-lab} feature lists exactly the bundles the
 * Felix distribution ships (minus what Karaf provides itself), and it binds the dashboard's HTTP server like the
 * distribution does.
 */
class FeaturesDescriptorIT {

    /** Provided by Karaf itself (its scr feature, ConfigAdmin, FileInstall, Gogo, pax-logging). */
    private static final Set<String> PROVIDED_BY_KARAF = Set.of("org.apache.felix.scr", "org.osgi.service.component",
            "org.osgi.util.promise", "org.osgi.util.function", "org.apache.felix.configadmin",
            "org.apache.felix.fileinstall", "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.shell",
            "org.apache.felix.gogo.command", "org.ops4j.pax.logging.pax-logging-api");

    private final Path resolved = Path.of(System.getProperty("features.bundles"));

    @Test
    void everyListedBundleResolvesAndIsAnOsgiBundle() throws Exception {
        List<String[]> bundles = listedBundles(null);
        assertFalse(bundles.isEmpty());
        for (String[] gav : bundles) {
            Path jar = resolved.resolve(gav[1] + "-" + gav[2] + ".jar");
            assertTrue(Files.isRegularFile(jar), "listed but not resolved by Maven: mvn:" + String.join("/", gav));
            try (JarFile jf = new JarFile(jar.toFile())) {
                assertNotNull(jf.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"),
                        "not an OSGi bundle: " + jar.getFileName());
            }
        }
    }

    @Test
    void runtimeFeatureListsExactlyTheDistributionsBundles() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (String[] gav : listedBundles("rtmm-lab")) {
            listed.add(gav[1] + "-" + gav[2] + ".jar");
        }
        Set<String> shipped = new TreeSet<>();
        try (var s = Files.list(Path.of(System.getProperty("distribution.bundles")))) {
            for (Path p : s.toList()) {
                if (p.toString().endsWith(".jar") && !PROVIDED_BY_KARAF.contains(symbolicName(p))) {
                    shipped.add(p.getFileName().toString());
                }
            }
        }
        assertEquals(shipped, listed);
    }

    /**
     * Without a configuration Felix HTTP listens on every interface at 8080; the feature must configure the loopback
     * address and the distribution's port (issue 12: the dashboard is bound to 127.0.0.1 by default).
     */
    @Test
    void runtimeFeatureBindsTheHttpServerLikeTheDistribution() throws Exception {
        Properties feature = featureConfig("rtmm-lab", "org.apache.felix.http");
        Properties distribution = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(System.getProperty("distribution.config")))) {
            distribution.load(r);
        }
        assertEquals("127.0.0.1", feature.getProperty("org.apache.felix.http.host"));
        assertEquals(distribution.getProperty("org.apache.felix.http.host"),
                feature.getProperty("org.apache.felix.http.host"));
        assertNotNull(distribution.getProperty("org.osgi.service.http.port"), "distribution's port");
        assertEquals(distribution.getProperty("org.osgi.service.http.port"),
                feature.getProperty("org.osgi.service.http.port"));
    }

    /** @return the properties of the {@code <config name="pid">} element of one feature (fails if there is none) */
    private static Properties featureConfig(String feature, String pid) throws Exception {
        for (Element fe : features(feature)) {
            NodeList configs = fe.getElementsByTagNameNS("*", "config");
            for (int j = 0; j < configs.getLength(); j++) {
                Element config = (Element) configs.item(j);
                if (pid.equals(config.getAttribute("name"))) {
                    Properties p = new Properties();
                    p.load(new StringReader(config.getTextContent()));
                    return p;
                }
            }
        }
        throw new AssertionError("feature " + feature + " has no <config name=\"" + pid + "\">");
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String bsn = jf.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? "" : bsn.split(";")[0].trim();
        }
    }

    /** @return {group, artifact, version} of each mvn: bundle, of one feature or (null) all */
    private static List<String[]> listedBundles(String feature) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (Element fe : features(feature)) {
            NodeList bundles = fe.getElementsByTagNameNS("*", "bundle");
            for (int j = 0; j < bundles.getLength(); j++) {
                String url = bundles.item(j).getTextContent().trim();
                assertTrue(url.startsWith("mvn:"), url);
                String[] gav = url.substring(4).split("/");
                assertEquals(3, gav.length, "mvn:group/artifact/version expected: " + url);
                assertFalse(url.contains("${"), "unfiltered property in " + url);
                out.add(gav);
            }
        }
        return out;
    }

    /** @return the {@code <feature>} definitions of the descriptor named {@code feature}, or all of them (null) */
    private static List<Element> features(String feature) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(Path.of(System.getProperty("features.file")).toFile());
        List<Element> out = new ArrayList<>();
        NodeList features = doc.getElementsByTagNameNS("*", "feature");
        for (int i = 0; i < features.getLength(); i++) {
            Element fe = (Element) features.item(i);
            if (fe.hasAttribute("name") && (feature == null || feature.equals(fe.getAttribute("name")))) {
                out.add(fe);
            }
        }
        return out;
    }
}

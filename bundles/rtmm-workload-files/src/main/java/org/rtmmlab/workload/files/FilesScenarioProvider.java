package org.rtmmlab.workload.files;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.PeerProviders;
import org.rtmmlab.json.ScenarioFiles;

/**
 * Scenario provider {@code files}: every {@code *.json} scenario file (rtmm-json's format) in one directory, as
 * scenario {@code file/<file name without .json>}, re-read at every listing and load so that files dropped in, edited
 * or removed show at once. A malformed file is still listed, with its error as description; loading it throws that
 * {@link InvalidInputException} (file, JSON path, reason) and nothing else is affected. Model refs resolve against the
 * other installed scenario providers (not against other files).
 *
 * <p>Directory: in the container, the framework property {@value #DIR_PROPERTY} (default {@value #DEFAULT_OSGI_DIR},
 * the folder FileInstall watches, which ignores {@code .json} files); on a plain class path (ServiceLoader, no-arg
 * constructor) the environment variable {@value #DIR_ENV} if set, else {@value #DEFAULT_CLI_DIR} in the working
 * directory. A missing directory lists nothing.
 */
@Component(service = ScenarioProvider.class)
@ServiceProvider(value = ScenarioProvider.class, resolution = Resolution.OPTIONAL)
public final class FilesScenarioProvider implements ScenarioProvider {

    /** Plugin id. */
    public static final String ID = "files";
    /** Scenario id prefix. */
    public static final String PREFIX = "file/";
    /** Framework property naming the directory in the container. */
    public static final String DIR_PROPERTY = "rtmm.scenario.dir";
    /** Default directory in the container (relative to the container's working directory). */
    public static final String DEFAULT_OSGI_DIR = "deploy";
    /** Environment variable naming the directory on the command line. */
    public static final String DIR_ENV = "RTMM_SCENARIOS";
    /** Default directory on the command line. */
    public static final String DEFAULT_CLI_DIR = "scenarios";

    private static final String SUFFIX = ".json";

    private final PeerProviders peers = new PeerProviders(this);
    private volatile Path dir;

    /** ServiceLoader path: {@code $RTMM_SCENARIOS}, else {@code ./scenarios}. */
    public FilesScenarioProvider() {
        String env = System.getenv(DIR_ENV);
        this.dir = Path.of(env == null || env.isBlank() ? DEFAULT_CLI_DIR : env);
    }

    /** @param dir the directory to list (tests, embedding) */
    public FilesScenarioProvider(Path dir) {
        this.dir = dir;
    }

    /** DS activation: the directory is the framework property {@value #DIR_PROPERTY}, default {@code deploy}. */
    @Activate
    void activate(BundleContext context) {
        String d = context.getProperty(DIR_PROPERTY);
        dir = Path.of(d == null || d.isBlank() ? DEFAULT_OSGI_DIR : d);
        peers.osgi(context);
    }

    /** DS deactivation: releases the tracked peers. */
    @Deactivate
    void deactivate() {
        peers.close();
    }

    /** @return the directory listed */
    public Path directory() {
        return dir;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Scenario files (*.json) in " + dir.toAbsolutePath().normalize();
    }

    @Override
    public List<Info> scenarios() {
        List<Info> out = new ArrayList<>();
        for (Path file : files()) {
            String id = PREFIX + name(file);
            String description;
            try {
                Scenario s = read(file);
                description = s.description().isEmpty() ? "scenario file " + file.getFileName() : s.description();
            } catch (InvalidInputException e) {
                description = "INVALID: " + e.getMessage();
            }
            out.add(new Info(id, description));
        }
        return out;
    }

    @Override
    public Scenario load(String scenarioId) {
        for (Path file : files()) {
            if ((PREFIX + name(file)).equals(scenarioId)) {
                return read(file);
            }
        }
        List<String> known = files().stream().map(f -> PREFIX + name(f)).toList();
        throw new InvalidInputException(ID, "", "unknown scenario id '" + scenarioId + "'; files in " + dir + ": "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
    }

    private Scenario read(Path file) {
        Scenario s = ScenarioFiles.read(file, peers.resolver());
        return new Scenario(PREFIX + name(file), s.description(), s.models(), s.tasks(), s.events(),
                s.defaultDurationNs());
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - SUFFIX.length());
    }

    /** @return the {@code *.json} regular files of the directory, sorted by name */
    private List<Path> files() {
        Path d = dir;
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && name(p).length() > 0
                            && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(d.toString(), "", "cannot list scenario directory: " + e.getMessage());
        }
    }
}

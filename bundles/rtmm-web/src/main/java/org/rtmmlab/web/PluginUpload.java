package org.rtmmlab.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.rtmmlab.engine.AtomicFiles;

/**
 * Plugin upload over HTTP ({@code POST /api/plugins?name=my-scheduler.jar}, the jar as the request body): off unless
 * {@code upload.enabled=true}; at most {@code upload.maxBytes}; the body must be a jar with a
 * {@code Bundle-SymbolicName}; it is written next to the data folder first and then moved into {@code deploy/} in one
 * step, so FileInstall never sees half a jar.
 */
final class PluginUpload {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.jar");

    private PluginUpload() {
    }

    /** What was deployed. */
    record Deployed(String file, String bundle, String version) {
    }

    /**
     * @param declaredLength the request's Content-Length, -1 if unknown
     * @throws ApiException 403 when upload is off, 413 when too large, 400 for a bad name or a non-bundle
     */
    static Deployed deploy(WebSettings settings, String name, long declaredLength, InputStream body) throws IOException {
        if (!settings.uploadEnabled()) {
            throw new ApiException(403, "plugin upload over HTTP is off (set upload.enabled=true in"
                    + " deploy/org.rtmmlab.web.cfg to allow it); copy the jar into deploy/ instead");
        }
        if (settings.deployDir() == null) {
            throw new ApiException(409, "the container has no deploy folder (felix.fileinstall.dir is not set)");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException(400, "query parameter name: expected a jar file name such as my-scheduler.jar,"
                    + " got '" + name + "'");
        }
        long max = settings.uploadMaxBytes();
        if (declaredLength > max) {
            throw new ApiException(413, "upload of " + declaredLength + " bytes is larger than upload.maxBytes=" + max);
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ApiException(413, "upload is larger than upload.maxBytes=" + max);
        }
        Manifest mf;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
            mf = jar.getManifest();
        } catch (IOException e) {
            mf = null;
        }
        String bsn = mf == null ? null : mf.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new ApiException(400, "upload '" + name + "' is not an OSGi bundle (a jar with a Bundle-SymbolicName)");
        }
        String version = mf.getMainAttributes().getValue("Bundle-Version");
        Files.createDirectories(settings.deployDir());
        Files.createDirectories(settings.dataDir());
        Path tmp = Files.createTempFile(settings.dataDir(), "upload-", ".part");
        try {
            Files.write(tmp, bytes);
            AtomicFiles.replace(tmp, settings.deployDir().resolve(name));
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Deployed(name, bsn.split(";")[0].trim(), version == null ? "0.0.0" : version.trim());
    }
}

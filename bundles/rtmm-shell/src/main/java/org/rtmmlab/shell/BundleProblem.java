package org.rtmmlab.shell;

/**
 * A bundle that does not work: it did not resolve, its activator failed, or one of its DS components failed to
 * activate.
 *
 * @param bundleId   framework bundle id
 * @param bundle     symbolic name
 * @param version    bundle version
 * @param location   where it was installed from (a deploy/ or bundle/ file)
 * @param components DS component names of the bundle (empty if none or unknown); they often name the plugin
 * @param reason     why, on one line: the missing package with its version range, or the exception
 */
public record BundleProblem(long bundleId, String bundle, String version, String location,
                            java.util.List<String> components, String reason) {

    /** Copies the list. */
    public BundleProblem {
        components = java.util.List.copyOf(components);
    }

    /** @return {@code failed  <bundle> <version> [id]: <reason>} */
    public String line() {
        return "failed  " + bundle + " " + version + " [" + bundleId + "]: " + reason;
    }

    /**
     * @return true if this bundle may be the one that provides plugin {@code id}: its symbolic name, location or
     *         a component name contains the id (case-insensitive; a guess, the failed bundle cannot be asked)
     */
    public boolean mayProvide(String id) {
        String needle = id.toLowerCase(java.util.Locale.ROOT);
        if (needle.isBlank()) {
            return false;
        }
        if (bundle.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || location.toLowerCase(java.util.Locale.ROOT).contains(needle)) {
            return true;
        }
        return components.stream().anyMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }
}

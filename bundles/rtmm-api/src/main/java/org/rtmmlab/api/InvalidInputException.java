package org.rtmmlab.api;

/**
 * Bad user input (scenario, platform, configuration) with the place it was found: the source (a file or an
 * id), a JSON-path-like location inside it and the reason. The message reads
 * {@code "<source>: <path>: <reason>"} so a command line can print it as one line.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final String reason;

    /**
     * @param source file name or id the input came from, e.g. {@code scenario.json}; may be empty
     * @param path   location inside the source, e.g. {@code $.tasks[2].periodMs}; may be empty
     * @param reason what is wrong, e.g. {@code must be > 0, got -5}
     */
    public InvalidInputException(String source, String path, String reason) {
        super(format(source, path, reason));
        this.source = source == null ? "" : source;
        this.path = path == null ? "" : path;
        this.reason = reason == null ? "" : reason;
    }

    private static String format(String source, String path, String reason) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(reason).toString();
    }

    /** @return the file name or id the bad input came from (may be empty) */
    public String source() {
        return source;
    }

    /** @return the location inside the source (may be empty) */
    public String path() {
        return path;
    }

    /** @return what is wrong */
    public String reason() {
        return reason;
    }

    /** Same error, located in {@code newSource} (used when a record's check is re-thrown with its file). */
    public InvalidInputException in(String newSource, String pathPrefix) {
        String p = path.isEmpty() ? pathPrefix : (pathPrefix == null || pathPrefix.isEmpty() ? path : pathPrefix + path);
        return new InvalidInputException(newSource, p, reason);
    }
}

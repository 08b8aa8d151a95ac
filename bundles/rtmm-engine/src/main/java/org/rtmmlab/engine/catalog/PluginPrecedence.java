package org.rtmmlab.engine.catalog;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of several plugins with the same kind and id wins look-ups: the one first in this order.
 * <ol>
 *   <li>the higher {@code service.ranking} (the OSGi rule for choosing among services, OSGi Core R8 5.2.5; 0 when
 *       not set and for every plugin found on a plain classpath);</li>
 *   <li>then the higher bundle version, compared as OSGi versions (major, minor, micro numerically, then the
 *       qualifier as text, OSGi Core R8 3.2.5): the newer build of a plugin wins; a version that is not one
 *       ({@code ?}, a jar without {@code Bundle-Version}) comes after every real version;</li>
 *   <li>then the bundle symbolic name (or jar name), first in alphabetical order.</li>
 * </ol>
 * Service ids and bundle ids, which depend on the order things were installed and started, are deliberately not
 * used, so the winner is the same after every restart. Two plugins equal on all three (the same bundle twice, or
 * one bundle registering the id twice) are left to the catalog, which lets the one added last win.
 */
public final class PluginPrecedence {

    /** OSGi version syntax, leniently: {@code major[.minor[.micro[.qualifier]]]}, also {@code -qualifier}. */
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+)(?:\\.(\\d+))?)?(?:[.-](\\S+))?");

    /** The winner first. */
    public static final Comparator<PluginDescriptor> ORDER = Comparator
            .comparing(PluginDescriptor::ranking, Comparator.<Integer>reverseOrder())
            .thenComparing(PluginDescriptor::version, (a, b) -> compareVersions(b, a))
            .thenComparing(PluginDescriptor::bundle);

    private PluginPrecedence() {
    }

    /**
     * @return negative, zero or positive as version {@code a} is older than, equal to or newer than {@code b}; a
     *         string that is no version is older than any version, and two such strings compare as text
     */
    public static int compareVersions(String a, String b) {
        Matcher ma = VERSION.matcher(a.strip());
        Matcher mb = VERSION.matcher(b.strip());
        boolean va = ma.matches();
        boolean vb = mb.matches();
        if (!va || !vb) {
            return va == vb ? a.compareTo(b) : va ? 1 : -1;
        }
        for (int g = 1; g <= 3; g++) {
            int c = Long.compare(number(ma.group(g)), number(mb.group(g)));
            if (c != 0) {
                return c;
            }
        }
        return qualifier(ma).compareTo(qualifier(mb));
    }

    private static long number(String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) { // more digits than a long holds: compare the longest as largest
            return Long.MAX_VALUE;
        }
    }

    private static String qualifier(Matcher m) {
        return m.group(4) == null ? "" : m.group(4);
    }
}

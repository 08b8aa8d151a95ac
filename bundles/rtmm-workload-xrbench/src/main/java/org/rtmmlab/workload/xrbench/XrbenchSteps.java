package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.workload.xrbench.XrbenchVariants.ChannelRoles;
import org.rtmmlab.workload.xrbench.XrbenchVariants.Plan;

/**
 * FLOPs-step variants of the XRBench models ({@code steps.json}, next to this class): the lab's reading of RT-mDL's
 * storage-bounded multi-level model scaling (Ling et al., SenSys 2021), K levels per model whose FLOPs fall in equal
 * steps.
 *
 * <p><b>Levels.</b> Level {@code k} ({@code k = 0..K-1}) costs {@code (K-k)/K} of the full model's MACs; level 0 is
 * the full model, levels 1..K-1 are variants with ids {@code s<fraction>} ({@code s0.75}, {@code s0.5}, {@code s0.25}
 * for K = 4). Each level is a width variant of {@link XrbenchVariants}' channel-role rule whose multiplier is solved
 * numerically per model (bisection: the MACs of the scaled layer list do not fall with the square of the multiplier
 * where heads keep their channels), so that its MACs lie within {@code tolerance} (a fraction of the full model's
 * MACs) of the target; a model that cannot get that close is an input error naming the model and the level.
 *
 * <p><b>Shared and private layers (the lab's reading).</b> A layer that keeps its output channels (a task-fixed head:
 * classes, keypoints, box coordinates) but reads a narrowed input is <em>private</em> to its level: it carries its
 * own weightId {@code <weightId>@<level id>}, so {@code WeightStorage} counts it once per kept level. Every other
 * layer is a slice of the full tensor (the full layer's weightId), shared by all levels. The argument is by analogy
 * with Slimmable Networks (Yu et al., ICLR 2019), which share the convolutions across widths but keep a switchable
 * batch normalisation private to each width; XRBench lists no normalisation layers, so the part that maps a level's
 * narrower features to the task's outputs is taken as the private one.
 *
 * <p><b>Accuracy (a documented guess).</b> The relative accuracy of a level is MobileNet v1's ImageNet top-1 linearly
 * interpolated in the FLOPs fraction (mult-adds / the 1.0 model's) between the neighbouring points of Howard et al.,
 * arXiv:1704.04861, Table 6, divided by the 1.0 top-1; XRBench publishes no reduced-size accuracy.
 */
final class XrbenchSteps {

    /** Resource with the number of levels, the tolerance and the accuracy curve. */
    static final String RESOURCE = "steps.json";

    private static final int BISECTIONS = 60;

    private final int levels;
    private final double tolerance;
    private final String source;
    /** FLOPs fractions of the curve, ascending, and the relative accuracy at each. */
    private final double[] curveFraction;
    private final double[] curveAccuracy;

    /** One solved level of one model. */
    record Level(String id, double target, double multiplier, double fraction, double relativeAccuracy) {
    }

    private XrbenchSteps(int levels, double tolerance, String source, double[] curveFraction,
                         double[] curveAccuracy) {
        this.levels = levels;
        this.tolerance = tolerance;
        this.source = source;
        this.curveFraction = curveFraction;
        this.curveAccuracy = curveAccuracy;
    }

    /** @return the settings of a parsed {@code steps.json}; bad values are input errors naming their JSON path */
    static XrbenchSteps parse(JsonNode root) {
        root.onlyKeys(Set.of("_source", "_notes", "levels", "tolerance", "curve"));
        String source = root.get("_source").string();
        JsonNode tolNode = root.get("tolerance");
        double tolerance = tolNode.number();
        if (!(tolerance > 0 && tolerance < 0.5)) {
            throw tolNode.error("tolerance must be in (0, 0.5), a fraction of the full model's MACs; got " + tolerance);
        }
        List<JsonNode> points = root.get("curve").items();
        if (points.size() < 2) {
            throw root.get("curve").error("needs at least two points, the full model (multiplier 1) first");
        }
        int n = points.size();
        double[] fraction = new double[n];
        double[] accuracy = new double[n];
        double fullMacs = 0;
        double fullTop1 = 0;
        for (int i = 0; i < n; i++) {
            JsonNode p = points.get(i).onlyKeys(Set.of("multiplier", "millionMultAdds", "top1"));
            double macs = p.get("millionMultAdds").number();
            double top1 = p.get("top1").number();
            if (i == 0) {
                if (p.get("multiplier").number() != 1.0) {
                    throw p.get("multiplier").error("the first point must be the full model, multiplier 1");
                }
                fullMacs = macs;
                fullTop1 = top1;
            }
            if (!(macs > 0 && macs <= fullMacs) || (i > 0 && macs >= fullMacs * fraction[n - i])) {
                throw p.get("millionMultAdds").error("must be > 0 and fall along the curve, got " + macs);
            }
            if (!(top1 > 0 && top1 <= fullTop1)) {
                throw p.get("top1").error("must be in (0, the full model's top-1], got " + top1);
            }
            // stored ascending in fraction: the full model last
            fraction[n - 1 - i] = macs / fullMacs;
            accuracy[n - 1 - i] = top1 / fullTop1;
        }
        JsonNode levelsNode = root.get("levels");
        int levels = levelsNode.intValue();
        if (levels < 2 || 1.0 / levels < fraction[0]) {
            throw levelsNode.error("levels must be >= 2 with 1/levels >= " + fraction[0]
                    + " (the smallest FLOPs fraction of the accuracy curve), got " + levels);
        }
        return new XrbenchSteps(levels, tolerance, source, fraction, accuracy);
    }

    /** @return K, the number of levels (the full model included) */
    int levels() {
        return levels;
    }

    /** @return the largest allowed |level MACs / full MACs - target| */
    double tolerance() {
        return tolerance;
    }

    /** @return the relative accuracy at a FLOPs fraction in [smallest curve fraction, 1], interpolated linearly */
    double accuracyAt(double fraction) {
        if (fraction >= 1) {
            return curveAccuracy[curveAccuracy.length - 1];
        }
        for (int i = 1; i < curveFraction.length; i++) {
            if (fraction <= curveFraction[i]) {
                double t = (fraction - curveFraction[i - 1]) / (curveFraction[i] - curveFraction[i - 1]);
                return curveAccuracy[i - 1] + t * (curveAccuracy[i] - curveAccuracy[i - 1]);
            }
        }
        throw new IllegalArgumentException("fraction " + fraction + " outside the curve");
    }

    /** @return the variant id of the level with FLOPs fraction {@code target}, e.g. {@code s0.75}, {@code s0.333} */
    static String id(double target) {
        String s = String.format(Locale.ROOT, "%.3f", target).replaceAll("0+$", "");
        return "s" + (s.endsWith(".") ? s + "0" : s);
    }

    /**
     * @param model the full model
     * @param roles its channel roles
     * @return levels 1..K-1, solved
     * @throws InvalidInputException if a level's MACs cannot come within the tolerance of its target
     */
    List<Level> solve(Model model, ChannelRoles roles) {
        List<Layer> layers = model.layers();
        Plan plan = XrbenchVariants.plan(layers, roles);
        double full = macs(layers);
        List<Level> out = new ArrayList<>();
        for (int k = 1; k < levels; k++) {
            double target = (double) (levels - k) / levels;
            // MACs are non-decreasing in the multiplier (round and max are monotone): find the smallest multiplier
            // whose MACs reach the target, then take it or the one just below, whichever lands closer
            double lo = 0;
            double hi = 1;
            for (int i = 0; i < BISECTIONS; i++) {
                double mid = (lo + hi) / 2;
                if (macs(XrbenchVariants.scale(layers, mid, roles, plan)) / full >= target) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double fHi = macs(XrbenchVariants.scale(layers, hi, roles, plan)) / full;
            double fLo = lo > 0 ? macs(XrbenchVariants.scale(layers, lo, roles, plan)) / full : Double.NaN;
            boolean takeLo = lo > 0 && target - fLo < fHi - target;
            double w = takeLo ? lo : hi;
            double f = takeLo ? fLo : fHi;
            String id = id(target);
            if (Math.abs(f - target) > tolerance) {
                throw new InvalidInputException(RESOURCE, "levels", "model " + model.id() + " level " + id
                        + ": no width multiplier brings its MACs within " + tolerance + " of " + target
                        + " of the full model (closest " + f + " at width " + w + ")");
            }
            out.add(new Level(id, target, w, f, accuracyAt(f)));
        }
        return out;
    }

    /** @return {@code model} with one variant per level below the full model (replacing any variants it had) */
    Model step(Model model, ChannelRoles roles) {
        Plan plan = XrbenchVariants.plan(model.layers(), roles);
        List<Variant> variants = new ArrayList<>();
        for (Level l : solve(model, roles)) {
            List<Layer> scaled = XrbenchVariants.scale(model.layers(), l.multiplier(), roles, plan);
            variants.add(new Variant(l.id(), l.relativeAccuracy(), privatize(scaled, plan, l.id()),
                    String.format(Locale.ROOT, "FLOPs step %s: width x%.4f, MACs %.4f of full; private heads;"
                            + " accuracy interpolated by FLOPs from %s", l.id(), l.multiplier(), l.fraction(), source)));
        }
        return new Model(model.id(), model.task(), model.layers(), variants);
    }

    /**
     * @return {@code scaled} with every private layer (K kept, C narrowed: see the class comment) on its own weightId
     *         {@code <weightId>@<levelId>}
     */
    static List<Layer> privatize(List<Layer> scaled, Plan plan, String levelId) {
        List<Layer> out = new ArrayList<>(scaled.size());
        for (int i = 0; i < scaled.size(); i++) {
            Layer l = scaled.get(i);
            out.add(isPrivate(plan, i) ? new Layer(l.name(), l.type(), l.n(), l.k(), l.c(), l.y(), l.x(), l.r(),
                    l.s(), l.stride(), l.weightId() + "@" + levelId) : l);
        }
        return out;
    }

    /** @return whether layer {@code i} is a head (output channels kept) that reads a narrowed input */
    static boolean isPrivate(Plan plan, int i) {
        return !plan.scaleK().get(i) && plan.scaleC().get(i);
    }

    static double macs(List<Layer> layers) {
        double sum = 0;
        for (Layer l : layers) {
            sum += l.macs();
        }
        return sum;
    }
}

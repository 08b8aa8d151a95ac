package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.json.JsonNode;

/**
 * Width-multiplier variants of the XRBench models, read from {@code variants.json} (next to this class).
 *
 * <p><b>Rule.</b> For multiplier {@code w} every layer keeps its operator, N, Y, X, R, S and stride, and scales
 * {@code K -> max(1, round(K x w))} and {@code C -> max(1, round(C x w))}, except that the first layer keeps its
 * {@code C} (the network's input channels) and the last layer keeps its {@code K} (the network's output). XRBench
 * gives layers as a flat list, so each layer is scaled on its own (branches and skip connections included). Each
 * variant layer carries the full layer's {@link Layer#weightId()}: it is a slice of the full tensor (the first
 * {@code K'} filters over the first {@code C'} channels), so all widths share the full model's weights.
 *
 * <p><b>Accuracy.</b> XRBench publishes no reduced-width accuracy; the relative accuracy of width {@code w} is the
 * MobileNet v1 ImageNet top-1 ratio of Howard et al., arXiv:1704.04861, Table 6: 68.4/70.6 (0.75), 63.7/70.6 (0.5),
 * 50.6/70.6 (0.25), cited in the resource and in each {@link Variant#source()}.
 */
final class XrbenchVariants {

    /** Resource with the widths and accuracy figures. */
    static final String RESOURCE = "variants.json";

    private final List<Width> widths;
    private final String source;

    /** One width multiplier with its relative accuracy. */
    record Width(String id, double multiplier, double relativeAccuracy) {
    }

    private XrbenchVariants(List<Width> widths, String source) {
        this.widths = List.copyOf(widths);
        this.source = source;
    }

    /** @return the widths of a parsed {@code variants.json} */
    static XrbenchVariants parse(JsonNode root) {
        String source = root.get("_source").string();
        JsonNode fullNode = root.get("fullTop1");
        double full = fullNode.number();
        if (!(full > 0 && full <= 100)) {
            throw fullNode.error("top-1 must be in (0, 100], got " + full);
        }
        List<Width> out = new ArrayList<>();
        for (JsonNode w : root.get("widths").items()) {
            JsonNode m = w.get("multiplier");
            double multiplier = m.number();
            if (!(multiplier > 0 && multiplier < 1)) {
                throw m.error("multiplier must be in (0, 1), got " + multiplier);
            }
            JsonNode t = w.get("top1");
            double top1 = t.number();
            if (!(top1 > 0 && top1 <= full)) {
                throw t.error("top-1 must be in (0, fullTop1], got " + top1);
            }
            out.add(new Width(w.get("id").string(), multiplier, top1 / full));
        }
        return new XrbenchVariants(out, source);
    }

    /** @return the widths in file order */
    List<Width> widths() {
        return widths;
    }

    /** @return {@code model} with one variant per width (replacing any variants it had) */
    Model widen(Model model) {
        List<Variant> variants = new ArrayList<>();
        for (Width w : widths) {
            variants.add(new Variant(w.id(), w.relativeAccuracy(), scale(model.layers(), w.multiplier()),
                    "width x" + w.multiplier() + ", " + source));
        }
        return new Model(model.id(), model.task(), model.layers(), variants);
    }

    /** @return the layers scaled by {@code w} (see the class comment) */
    static List<Layer> scale(List<Layer> layers, double w) {
        List<Layer> out = new ArrayList<>(layers.size());
        int last = layers.size() - 1;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            int k = i == last ? l.k() : scaled(l.k(), w);
            int c = i == 0 ? l.c() : scaled(l.c(), w);
            out.add(new Layer(l.name(), l.type(), l.n(), k, c, l.y(), l.x(), l.r(), l.s(), l.stride(), l.weightId()));
        }
        return out;
    }

    static int scaled(int channels, double w) {
        return (int) Math.max(1, Math.round(channels * w));
    }
}

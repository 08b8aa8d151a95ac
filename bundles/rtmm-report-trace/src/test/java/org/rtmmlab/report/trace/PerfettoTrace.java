package org.rtmmlab.report.trace;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a Perfetto trace back with protobuf-java's generic parser ({@link UnknownFieldSet}: no generated classes,
 * field numbers as in {@link PerfettoWriter}) and checks what trace_processor relies on for TrackEvent data: one
 * trusted packet sequence id on every packet, SEQ_INCREMENTAL_STATE_CLEARED on the sequence's first packet,
 * SEQ_NEEDS_INCREMENTAL_STATE on packets that use interned strings, interned ids defined before use and never
 * redefined, track descriptors (unique uuids, parents first) before the first event on the track, timestamps that
 * never decrease, counters only on counter tracks and slices only on others, begin/end balanced per track, every
 * terminating flow id started earlier. Problems are collected, not thrown, so a test can show them all.
 */
final class PerfettoTrace {

    /** One event read back. */
    record Event(long ts, int type, long track, String name, String category, Map<String, Object> args,
                 Double value, List<Long> flowOut, List<Long> flowIn) {
    }

    /** Track descriptors by uuid, in file order. */
    final Map<Long, Map<String, Object>> tracks = new LinkedHashMap<>();
    /** Every track event, in file order. */
    final List<Event> events = new ArrayList<>();
    /** Problems found; empty for a well-formed trace. */
    final List<String> problems = new ArrayList<>();
    final Set<Integer> sequenceIds = new HashSet<>();
    long packets;
    long flowsMatched;

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, String> categories = new HashMap<>();
    private final Map<Long, String> annotationNames = new HashMap<>();
    private final Map<Long, String> stringValues = new HashMap<>();
    private final Map<Long, Integer> depth = new TreeMap<>();
    private final Set<Long> openFlows = new HashSet<>();

    private PerfettoTrace() {
    }

    /** @return the trace in {@code file}, read and checked */
    static PerfettoTrace read(Path file) throws IOException {
        PerfettoTrace t = new PerfettoTrace();
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream c = CodedInputStream.newInstance(in);
            c.setSizeLimit(Integer.MAX_VALUE);
            long lastTs = Long.MIN_VALUE;
            while (!c.isAtEnd()) {
                int tag = c.readTag();
                if (WireFormat.getTagFieldNumber(tag) != 1
                        || WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    t.problems.add("Trace field " + WireFormat.getTagFieldNumber(tag) + ", not packet = 1");
                    c.skipField(tag);
                    continue;
                }
                UnknownFieldSet p = UnknownFieldSet.parseFrom(c.readBytes());
                c.resetSizeCounter();
                lastTs = t.packet(p, lastTs);
            }
        }
        t.depth.forEach((track, d) -> {
            if (d != 0) {
                t.problems.add("track " + track + ": " + d + " slices never ended");
            }
        });
        return t;
    }

    private long packet(UnknownFieldSet p, long lastTs) throws IOException {
        long n = packets++;
        String at = "packet " + n;
        long ts = one(p, 8, at + " timestamp");
        if (ts < lastTs) {
            problems.add(at + ": timestamp " + ts + " before " + lastTs);
        }
        int seq = (int) one(p, 10, at + " trusted_packet_sequence_id");
        sequenceIds.add(seq);
        long flags = p.hasField(13) ? p.getField(13).getVarintList().get(0) : 0;
        if (n == 0 && (flags & 1) == 0) {
            problems.add(at + ": first packet lacks SEQ_INCREMENTAL_STATE_CLEARED");
        }
        if (p.hasField(12)) {
            UnknownFieldSet interned = UnknownFieldSet.parseFrom(p.getField(12).getLengthDelimitedList().get(0));
            intern(interned, 1, categories, at);
            intern(interned, 2, names, at);
            intern(interned, 3, annotationNames, at);
            intern(interned, 29, stringValues, at);
        }
        if (p.hasField(60)) {
            descriptor(UnknownFieldSet.parseFrom(p.getField(60).getLengthDelimitedList().get(0)), at);
        }
        if (p.hasField(11)) {
            event(UnknownFieldSet.parseFrom(p.getField(11).getLengthDelimitedList().get(0)), ts, flags, at);
        }
        return ts;
    }

    private void intern(UnknownFieldSet interned, int field, Map<Long, String> table, String at) throws IOException {
        if (!interned.hasField(field)) {
            return;
        }
        for (ByteString b : interned.getField(field).getLengthDelimitedList()) {
            UnknownFieldSet e = UnknownFieldSet.parseFrom(b);
            long iid = one(e, 1, at + " iid");
            String s = e.getField(2).getLengthDelimitedList().get(0).toStringUtf8();
            String before = table.put(iid, s);
            if (before != null) {
                problems.add(at + ": interned id " + iid + " of field " + field + " redefined");
            }
        }
    }

    private void descriptor(UnknownFieldSet d, String at) {
        long uuid = one(d, 1, at + " uuid");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", d.hasField(2) ? d.getField(2).getLengthDelimitedList().get(0).toStringUtf8() : null);
        long parent = d.hasField(5) ? d.getField(5).getVarintList().get(0) : 0;
        info.put("parent", parent);
        info.put("counter", d.hasField(8));
        info.put("rank", d.hasField(12) ? (long) (int) (long) d.getField(12).getVarintList().get(0) : 0L);
        if (parent != 0 && !tracks.containsKey(parent)) {
            problems.add(at + ": track " + uuid + " before its parent " + parent);
        }
        if (tracks.put(uuid, info) != null) {
            problems.add(at + ": track " + uuid + " described twice");
        }
    }

    private void event(UnknownFieldSet e, long ts, long flags, String at) throws IOException {
        int type = (int) one(e, 9, at + " type");
        long track = one(e, 11, at + " track_uuid");
        Map<String, Object> info = tracks.get(track);
        if (info == null) {
            problems.add(at + ": event on track " + track + " before its descriptor");
            return;
        }
        boolean counterTrack = (Boolean) info.get("counter");
        if ((type == PerfettoWriter.TYPE_COUNTER) != counterTrack) {
            problems.add(at + ": event type " + type + " on " + (counterTrack ? "a counter" : "a slice") + " track");
        }
        boolean usesState = e.hasField(10) || e.hasField(3);
        String name = e.hasField(10) ? lookup(names, e.getField(10).getVarintList().get(0), at + " name_iid")
                : e.hasField(23) ? e.getField(23).getLengthDelimitedList().get(0).toStringUtf8() : null;
        String category = e.hasField(3) ? lookup(categories, e.getField(3).getVarintList().get(0), at + " category")
                : e.hasField(22) ? e.getField(22).getLengthDelimitedList().get(0).toStringUtf8() : null;
        Map<String, Object> args = new LinkedHashMap<>();
        if (e.hasField(4)) {
            for (ByteString b : e.getField(4).getLengthDelimitedList()) {
                UnknownFieldSet a = UnknownFieldSet.parseFrom(b);
                String key;
                if (a.hasField(17)) {
                    usesState = true;
                }
                if (a.hasField(1)) {
                    usesState = true;
                    key = lookup(annotationNames, a.getField(1).getVarintList().get(0), at + " annotation name");
                } else {
                    key = a.getField(10).getLengthDelimitedList().get(0).toStringUtf8();
                }
                Object v = a.hasField(17) ? lookup(stringValues, a.getField(17).getVarintList().get(0),
                        at + " string value")
                        : a.hasField(6) ? a.getField(6).getLengthDelimitedList().get(0).toStringUtf8()
                        : a.hasField(5) ? Double.longBitsToDouble(a.getField(5).getFixed64List().get(0))
                        : a.hasField(4) ? a.getField(4).getVarintList().get(0)
                        : a.hasField(2) ? a.getField(2).getVarintList().get(0) != 0 : null;
                args.put(key, v);
            }
        }
        if (usesState && (flags & 2) == 0) {
            problems.add(at + ": uses interned data without SEQ_NEEDS_INCREMENTAL_STATE");
        }
        Double value = null;
        if (e.hasField(30)) {
            value = Double.valueOf(e.getField(30).getVarintList().get(0));
        } else if (e.hasField(44)) {
            value = Double.longBitsToDouble(e.getField(44).getFixed64List().get(0));
        }
        if (type == PerfettoWriter.TYPE_COUNTER && value == null) {
            problems.add(at + ": counter without a value");
        }
        List<Long> out = e.hasField(47) ? e.getField(47).getFixed64List() : List.of();
        List<Long> in = e.hasField(48) ? e.getField(48).getFixed64List() : List.of();
        for (long f : in) {
            if (openFlows.remove(f)) {
                flowsMatched++;
            } else {
                problems.add(at + ": flow " + f + " ends without a start");
            }
        }
        openFlows.addAll(out);
        if (type == PerfettoWriter.TYPE_SLICE_BEGIN) {
            depth.merge(track, 1, Integer::sum);
        } else if (type == PerfettoWriter.TYPE_SLICE_END) {
            int d = depth.getOrDefault(track, 0) - 1;
            if (d < 0) {
                problems.add(at + ": slice end without a begin on track " + track);
                d = 0;
            }
            depth.put(track, d);
        }
        events.add(new Event(ts, type, track, name, category, args, value, out, in));
    }

    private String lookup(Map<Long, String> table, long iid, String what) {
        String s = table.get(iid);
        if (s == null) {
            problems.add(what + " " + iid + " used before it was interned");
        }
        return s;
    }

    private long one(UnknownFieldSet m, int field, String what) {
        if (!m.hasField(field) || m.getField(field).getVarintList().size() != 1) {
            problems.add(what + ": field " + field + " missing or repeated");
            return 0;
        }
        return m.getField(field).getVarintList().get(0);
    }

    /** @return the name of a track's descriptor */
    String trackName(long uuid) {
        Map<String, Object> info = tracks.get(uuid);
        return info == null ? null : (String) info.get("name");
    }

    /** @return the events of one type */
    List<Event> ofType(int type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}

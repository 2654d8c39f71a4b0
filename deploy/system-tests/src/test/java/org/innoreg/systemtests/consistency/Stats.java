package org.innoreg.systemtests.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.innoreg.testsupport.suite.Api;

/**
 * What the run did: operations by kind and outcome, and every answer that was not the one expected.
 */
final class Stats {

    /** kind → {as expected, not as expected} */
    final Map<String, int[]> operations = new TreeMap<>();

    final List<String> unexpected = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** Counts the reply under {@code kind}; true when its status is the expected one. */
    boolean record(String kind, Api.Reply reply, int expected) {
        boolean ok = reply.status() == expected;
        count(kind, ok);
        if (!ok) {
            unexpected.add(kind + ": expected " + expected + ", got " + reply.describe());
        }
        return ok;
    }

    /** A read before a write: not counted as an operation, but an unexpected answer is reported. */
    boolean read(String kind, Api.Reply reply) {
        if (reply.status() == 200) {
            return true;
        }
        count(kind, false);
        unexpected.add(kind + " (reading it first): expected 200, got " + reply.describe());
        return false;
    }

    void count(String kind, boolean ok) {
        operations.computeIfAbsent(kind, k -> new int[2])[ok ? 0 : 1]++;
    }

    void note(String note) {
        notes.add(note);
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        operations.forEach(
                (kind, n) ->
                        out.append(
                                String.format(
                                        "    %-42s %4d%s%n",
                                        kind,
                                        n[0] + n[1],
                                        n[1] == 0 ? "" : "  (" + n[1] + " not as expected)")));
        return out.toString();
    }
}

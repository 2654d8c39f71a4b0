package org.innoreg.systemtests.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.Deployment;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * The three read models compared with what the owning services' databases say, by SQL written here
 * from the rules (not taken from the code under test):
 *
 * <ol>
 *   <li>search: the gateway's live {@code search_entry} rows are exactly the platforms,
 *       organisations and projects that exist, with their name and region;
 *   <li>feed: per subject, the event with the highest {@code sequence} in the gateway's {@code
 *       feed_event} carries the record's current row, its sequence is the row's version, and the
 *       sequences run 1, 2, … without a gap; a record that no longer exists ends with one {@code
 *       .deleted} event whose sequence is its last version + 1;
 *   <li>derived platform counts: every cell of a DERIVED {@code platforms[.<type>[.<level>]]}
 *       indicator equals the number of platforms in the region or below it that, by {@code
 *       platform_history} (steps ordered by effective_on, then as recorded), held that type and
 *       level on 31 December of the year while ACTIVE or UNDER_REVIEW, for every year from the
 *       first step to the current year in Beijing; a missing cell is 0;
 *   <li>derived project cells by stage: {@code projects.count.<tier>.<stage>} and {@code
 *       projects.planned_investment.<tier>.<stage>} of a year count (sum) the projects in the
 *       region or below it that first reached that stage in that year by {@code
 *       project_transition}, in their current tier and region.
 * </ol>
 */
public final class ReadModels {

    /** The outcome of one look: what disagrees, and how much was compared. */
    public record Result(
            List<String> failures,
            int searchEntries,
            int feedSubjects,
            int cells,
            int nonZeroCells,
            int projectCells) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private static final int SHOWN = 12;

    private final Deployment suite;

    public ReadModels(Deployment suite) {
        this.suite = suite;
    }

    public Result check() {
        List<String> failures = new ArrayList<>();
        try {
            int entries = search(failures);
            int subjects = feed(failures);
            int[] cells = derivedPlatformCells(failures);
            int projectCells = derivedProjectCells(failures);
            return new Result(failures, entries, subjects, cells[0], cells[1], projectCells);
        } catch (SQLException | IOException e) {
            failures.add("could not read the databases: " + e);
            return new Result(failures, 0, 0, 0, 0, 0);
        }
    }

    // --- (1) search
    // -------------------------------------------------------------------------------

    private int search(List<String> failures) throws SQLException {
        Map<String, String> records = new TreeMap<>();
        rows(
                Service.REGISTRY,
                """
                SELECT 'platform', CAST(id AS text), name_zh, region_code FROM platform
                UNION ALL
                SELECT 'organization', CAST(id AS text), name_zh, region_code FROM organization""",
                records);
        rows(
                Service.PROJECTS,
                "SELECT 'project', CAST(id AS text), name, region_code FROM project",
                records);
        Map<String, String> entries = new TreeMap<>();
        rows(
                Service.GATEWAY,
                "SELECT kind, id, name_zh, region_code FROM search_entry WHERE NOT deleted",
                entries);
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> different = new ArrayList<>();
        records.forEach(
                (key, value) -> {
                    String entry = entries.get(key);
                    if (entry == null) {
                        missing.add(key + " " + value);
                    } else if (!entry.equals(value)) {
                        different.add(key + ": search has " + entry + ", the record " + value);
                    }
                });
        entries.forEach(
                (key, value) -> {
                    if (!records.containsKey(key)) {
                        stale.add(key + " " + value);
                    }
                });
        report(failures, "(1) search: records without a search entry", missing);
        report(failures, "(1) search: entries of records that do not exist (deleted?)", stale);
        report(
                failures,
                "(1) search: entries whose name or region differ from the record",
                different);
        return entries.size();
    }

    /** kind/id → "name @ region" */
    private void rows(Service service, String sql, Map<String, String> into) throws SQLException {
        try (Connection c = suite.connect(service);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.put(
                        rs.getString(1) + "/" + rs.getString(2),
                        rs.getString(3) + " @ " + rs.getString(4));
            }
        }
    }

    // --- (2) feed
    // ---------------------------------------------------------------------------------

    private record Event(String type, long sequence, JsonNode data) {
        boolean isDelete() {
            return type.endsWith(".deleted");
        }
    }

    private int feed(List<String> failures) throws SQLException, IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        records(
                Service.REGISTRY,
                "registry.platform.v1",
                """
                SELECT CAST(id AS text) AS id, version, name_zh AS "nameZh", region_code AS "regionCode", type, level, status,
                       CAST(accredited_on AS text) AS "accreditedOn"
                  FROM platform""",
                rows);
        records(
                Service.REGISTRY,
                "registry.organization.v1",
                """
                SELECT CAST(id AS text) AS id, version, name_zh AS "nameZh", region_code AS "regionCode", uscc, kind
                  FROM organization""",
                rows);
        records(
                Service.PROJECTS,
                "projects.project.v1",
                """
                SELECT CAST(id AS text) AS id, version, name, region_code AS "regionCode", stage, tier,
                       CAST(planned_investment AS text) AS "plannedInvestment"
                  FROM project""",
                rows);
        Map<String, List<Event>> events = new TreeMap<>();
        try (Connection c = suite.connect(Service.GATEWAY);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                """
                SELECT topic, subject, type, event ->> 'sequence', CAST(event -> 'data' AS text)
                  FROM feed_event
                 WHERE topic IN ('registry.platform.v1', 'registry.organization.v1', 'projects.project.v1')
                 ORDER BY position""")) {
            while (rs.next()) {
                String sequence = rs.getString(4);
                events.computeIfAbsent(
                                rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                        .add(
                                new Event(
                                        rs.getString(3),
                                        sequence == null ? -1 : Long.parseLong(sequence),
                                        Api.JSON.readTree(rs.getString(5))));
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> wrongLatest = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        List<String> undeleted = new ArrayList<>();
        rows.forEach(
                (subject, row) -> {
                    List<Event> of = events.get(subject);
                    if (of == null) {
                        missing.add(subject + " (version " + row.get("version") + ")");
                        return;
                    }
                    long version = Long.parseLong(row.get("version"));
                    long top = of.stream().mapToLong(Event::sequence).max().orElse(-1);
                    List<Event> latest = of.stream().filter(e -> e.sequence() == top).toList();
                    if (of.stream().anyMatch(Event::isDelete)) {
                        wrongLatest.add(
                                subject
                                        + ": the record exists (version "
                                        + version
                                        + ") but the feed has a delete event");
                    }
                    if (top != version) {
                        wrongLatest.add(
                                subject
                                        + ": latest sequence "
                                        + top
                                        + ", the record's version "
                                        + version);
                    }
                    for (Event e : latest) {
                        String differs = differences(row, e.data());
                        if (!differs.isEmpty()) {
                            wrongLatest.add(
                                    subject + " @" + top + " (" + e.type() + "): " + differs);
                        }
                    }
                    sequenceGaps(subject, of, version).ifPresent(gaps::add);
                });
        events.forEach(
                (subject, of) -> {
                    if (rows.containsKey(subject)) {
                        return;
                    }
                    long top = of.stream().mapToLong(Event::sequence).max().orElse(-1);
                    List<Event> deletes = of.stream().filter(Event::isDelete).toList();
                    long lastVersion =
                            of.stream()
                                    .filter(e -> !e.isDelete())
                                    .mapToLong(Event::sequence)
                                    .max()
                                    .orElse(0);
                    List<String> types =
                            of.stream()
                                    .map(
                                            e ->
                                                    e.sequence()
                                                            + ":"
                                                            + e.type()
                                                                    .substring(
                                                                            e.type()
                                                                                            .lastIndexOf(
                                                                                                    '.')
                                                                                    + 1))
                                    .toList();
                    if (deletes.isEmpty()) {
                        undeleted.add(
                                subject
                                        + ": the record is gone but its feed has no delete event "
                                        + types);
                    } else if (deletes.stream().anyMatch(d -> d.sequence() != lastVersion + 1)
                            || of.stream()
                                    .anyMatch(
                                            e ->
                                                    !e.isDelete()
                                                            && e.sequence()
                                                                    >= deletes.get(0).sequence())) {
                        undeleted.add(
                                subject
                                        + ": the delete event's sequence is not the last version + 1 ("
                                        + lastVersion
                                        + " + 1): "
                                        + types);
                    } else if (top != deletes.get(0).sequence()) {
                        undeleted.add(subject + ": the delete event is not the latest: " + types);
                    }
                    sequenceGaps(subject, of, top).ifPresent(gaps::add);
                });
        report(failures, "(2) feed: records without any event in the feed", missing);
        report(failures, "(2) feed: latest event per subject differs from the record", wrongLatest);
        report(
                failures,
                "(2) feed: deleted records whose events do not end with a delete at last version + 1",
                undeleted);
        report(
                failures,
                "(2) feed: sequences of a subject that are not 1, 2, … without gaps",
                gaps);
        return events.size();
    }

    private static java.util.Optional<String> sequenceGaps(
            String subject, List<Event> of, long last) {
        TreeSet<Long> sequences = new TreeSet<>();
        of.forEach(e -> sequences.add(e.sequence()));
        TreeSet<Long> expected = new TreeSet<>();
        for (long s = 1; s <= last; s++) {
            expected.add(s);
        }
        return sequences.equals(expected)
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        subject + ": sequences " + sequences + ", expected 1.." + last);
    }

    /** topic/id → column → value (text) */
    private void records(
            Service service, String topic, String sql, Map<String, Map<String, String>> into)
            throws SQLException {
        try (Connection c = suite.connect(service);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                into.put(topic + "/" + row.get("id"), row);
            }
        }
    }

    /** The fields of the row that the event's data shows otherwise ("" when none). */
    private static String differences(Map<String, String> row, JsonNode data) {
        List<String> differs = new ArrayList<>();
        row.forEach(
                (field, value) -> {
                    JsonNode shown = data.get(field);
                    String text = shown == null || shown.isNull() ? null : shown.asText();
                    boolean same =
                            field.equals("plannedInvestment") && value != null && text != null
                                    ? new BigDecimal(value).compareTo(new BigDecimal(text)) == 0
                                    : Objects.equals(value, text);
                    if (!same) {
                        differs.add(field + " " + text + " (record: " + value + ")");
                    }
                });
        return String.join(", ", differs);
    }

    // --- (3) derived platform counts
    // --------------------------------------------------------------

    /**
     * The rule, in SQL over the registry's database. A cell (region R, year Y, type T, level L)
     * counts the platforms whose history step in force on 31 December of Y (the last step effective
     * on or before it, by effective_on, then recorded_at, then id) has T, L, status ACTIVE or
     * UNDER_REVIEW, and a region in R's subtree: codes sharing R's prefix (2 digits for a province
     * 430000, 4 for a city 430700, all six below). A deleted platform has no row (and no history)
     * left, so it counts nowhere.
     */
    static final String PLATFORM_CELLS =
            """
            WITH steps AS (
                SELECT h.platform_id, h.effective_on, h.type, h.level, h.status, h.region_code,
                       row_number() OVER (PARTITION BY h.platform_id ORDER BY h.effective_on, h.recorded_at, h.id) AS step
                  FROM platform_history h
                  JOIN platform p ON p.id = h.platform_id),
            years AS (
                SELECT generate_series(CAST(min(extract(year FROM effective_on)) AS int),
                                       CAST(extract(year FROM now() AT TIME ZONE 'Asia/Shanghai') AS int)) AS year
                  FROM steps),
            in_force AS (
                SELECT DISTINCT ON (s.platform_id, y.year) s.platform_id, y.year, s.type, s.level, s.status, s.region_code
                  FROM steps s
                  JOIN years y ON s.effective_on <= make_date(y.year, 12, 31)
                 ORDER BY s.platform_id, y.year, s.step DESC),
            areas AS (
                SELECT code, CASE WHEN code LIKE '%0000' THEN left(code, 2)
                                  WHEN code LIKE '%00' THEN left(code, 4)
                                  ELSE code END AS prefix
                  FROM region)
            SELECT a.code, f.year, lower(f.type), lower(f.level), count(*)
              FROM in_force f
              JOIN areas a ON f.region_code LIKE a.prefix || '%'
             WHERE f.status IN ('ACTIVE', 'UNDER_REVIEW')
             GROUP BY GROUPING SETS ((a.code, f.year), (a.code, f.year, f.type), (a.code, f.year, f.type, f.level))
            """;

    /**
     * @return {cells compared, cells non-zero by the rule}
     */
    private int[] derivedPlatformCells(List<String> failures) throws SQLException {
        Map<String, BigDecimal> expected = new HashMap<>();
        try (Connection c = suite.connect(Service.REGISTRY);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(PLATFORM_CELLS)) {
            while (rs.next()) {
                String code =
                        "platforms"
                                + (rs.getString(3) == null ? "" : "." + rs.getString(3))
                                + (rs.getString(4) == null ? "" : "." + rs.getString(4));
                expected.put(
                        code + " " + rs.getString(1) + " " + rs.getInt(2), rs.getBigDecimal(5));
            }
        }
        Map<String, BigDecimal> actual = new HashMap<>();
        try (Connection c = suite.connect(Service.INDICATORS);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                """
                SELECT o.indicator_code, o.region_code, o.period, o.value
                  FROM observation o
                  JOIN indicator i ON i.code = o.indicator_code
                 WHERE i.kind = 'DERIVED' AND (i.code = 'platforms' OR i.code LIKE 'platforms.%')""")) {
            while (rs.next()) {
                actual.put(
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3),
                        rs.getBigDecimal(4));
            }
        }
        TreeSet<String> cells = new TreeSet<>(expected.keySet());
        cells.addAll(actual.keySet());
        List<String> wrong = new ArrayList<>();
        for (String cell : cells) {
            BigDecimal want = expected.getOrDefault(cell, BigDecimal.ZERO);
            BigDecimal got = actual.getOrDefault(cell, BigDecimal.ZERO);
            if (want.compareTo(got) != 0) {
                wrong.add(
                        cell
                                + ": indicators "
                                + (actual.containsKey(cell)
                                        ? got.stripTrailingZeros().toPlainString()
                                        : "no cell (0)")
                                + ", registry history "
                                + want.toPlainString());
            }
        }
        report(
                failures,
                "(3) derived: platform cells that differ from the registry's dated history (indicator region year)",
                wrong);
        return new int[] {
            cells.size(), (int) expected.values().stream().filter(v -> v.signum() != 0).count()
        };
    }

    // --- (4) derived project cells by stage
    // -------------------------------------------------------

    /**
     * The stage rule, in SQL over the projects' database: the year a project first reached a stage
     * (its earliest transition to it; dates never go backwards), counted with its current tier,
     * planned investment and region in every region whose subtree holds it. The region codes come
     * from the registry (the projects service has none).
     */
    static final String PROJECT_STAGE_CELLS =
            """
            WITH reached AS (
                SELECT t.project_id, t.to_stage, CAST(extract(year FROM min(t.on_date)) AS int) AS year
                  FROM project_transition t
                 GROUP BY t.project_id, t.to_stage),
            areas AS (
                SELECT code, CASE WHEN code LIKE '%0000' THEN left(code, 2)
                                  WHEN code LIKE '%00' THEN left(code, 4)
                                  ELSE code END AS prefix
                  FROM unnest(CAST(? AS text[])) AS code)
            SELECT a.code, r.year, lower(p.tier), lower(r.to_stage), count(*), sum(p.planned_investment)
              FROM reached r
              JOIN project p ON p.id = r.project_id
              JOIN areas a ON p.region_code LIKE a.prefix || '%'
             GROUP BY a.code, r.year, p.tier, r.to_stage
            """;

    private int derivedProjectCells(List<String> failures) throws SQLException {
        List<String> regions = new ArrayList<>();
        try (Connection c = suite.connect(Service.REGISTRY);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM region")) {
            while (rs.next()) {
                regions.add(rs.getString(1));
            }
        }
        Map<String, BigDecimal> expected = new HashMap<>();
        try (Connection c = suite.connect(Service.PROJECTS);
                java.sql.PreparedStatement s = c.prepareStatement(PROJECT_STAGE_CELLS)) {
            s.setArray(1, c.createArrayOf("text", regions.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String cell =
                            rs.getString(3)
                                    + "."
                                    + rs.getString(4)
                                    + " "
                                    + rs.getString(1)
                                    + " "
                                    + rs.getInt(2);
                    expected.put("projects.count." + cell, rs.getBigDecimal(5));
                    expected.put("projects.planned_investment." + cell, rs.getBigDecimal(6));
                }
            }
        }
        Map<String, BigDecimal> actual = new HashMap<>();
        try (Connection c = suite.connect(Service.INDICATORS);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                """
                SELECT o.indicator_code, o.region_code, o.period, o.value
                  FROM observation o
                  JOIN indicator i ON i.code = o.indicator_code
                 WHERE i.kind = 'DERIVED' AND i.code ~ '^projects\\.(count|planned_investment)\\.[a-z0-9_]+\\.[a-z_]+$'""")) {
            while (rs.next()) {
                actual.put(
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3),
                        rs.getBigDecimal(4));
            }
        }
        TreeSet<String> cells = new TreeSet<>(expected.keySet());
        cells.addAll(actual.keySet());
        List<String> wrong = new ArrayList<>();
        for (String cell : cells) {
            BigDecimal want = expected.getOrDefault(cell, BigDecimal.ZERO);
            BigDecimal got = actual.getOrDefault(cell, BigDecimal.ZERO);
            if (want.compareTo(got) != 0) {
                wrong.add(
                        cell
                                + ": indicators "
                                + (actual.containsKey(cell)
                                        ? got.stripTrailingZeros().toPlainString()
                                        : "no cell (0)")
                                + ", project transitions "
                                + want.stripTrailingZeros().toPlainString());
            }
        }
        report(
                failures,
                "(4) derived: project cells by stage that differ from the projects' stage transitions (indicator region year)",
                wrong);
        return cells.size();
    }

    private static void report(List<String> failures, String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder(what).append(": ").append(items.size());
        items.stream().limit(SHOWN).forEach(item -> out.append("\n      ").append(item));
        if (items.size() > SHOWN) {
            out.append("\n      … and ").append(items.size() - SHOWN).append(" more");
        }
        failures.add(out.toString());
    }
}
